export type FetcherKind = "http" | "browser" | "wp-json";

export interface FetchRequest {
  url: string;
  fetcher: FetcherKind;
  /** browser only: run the page's scripts (default true). */
  executeClientScripts?: boolean;
  /** browser only: wait for this CSS selector before taking the snapshot. */
  waitForSelector?: string;
}

export interface Capture {
  /**
   * http: the bytes as served, after content-encoding is undone. wp-json: the JSON as served.
   * browser: the rendered DOM snapshot, UTF-8 encoded (so body and text always agree).
   */
  body: Buffer;
  /** body decoded with the right charset; for wp-json the HTML built from the page object. */
  text: string;
  /** The served Content-Type ("" when the server sent none); browser: text/html; charset=utf-8. */
  contentType: string;
  /** After redirects. */
  finalUrl: string;
  status: number;
  /** Lower-cased names; repeated headers joined with ", ". */
  headers: Record<string, string>;
  /** When the final response's headers arrived. */
  fetchedAt: Date;
}
