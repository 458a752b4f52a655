/**
 * WordPress REST API pages (`/wp-json/wp/v2/pages/<id>` or `/wp-json/wp/v2/pages?slug=…`).
 * Many sites serve their policies from WordPress, and the API hands us the page body without
 * the theme, menus or cookie banner. The answer is one page object or an array of them
 * (slug queries); we take the first page's `content.rendered` (HTML) and `title.rendered`.
 */
import { ScrapeError } from "../errors";
import { fetchHttp } from "./http";
import type { ResolvedOptions } from "./options";
import type { Capture } from "./types";

interface WpPage {
  title?: { rendered?: unknown };
  content?: { rendered?: unknown };
}

/** The HTML document we archive for a WordPress page: its title as <h1>, then its content. */
export function wpPageHtml(title: string | undefined, content: string): string {
  const heading = title ? `<h1>${title}</h1>\n` : "";
  return `<!DOCTYPE html>\n<html><head><meta charset="utf-8"></head><body>\n${heading}${content}\n</body></html>\n`;
}

/** Pulls title and content out of a parsed wp/v2 answer; throws extraction/wp_json_shape. */
export function wpPageFrom(json: unknown, url: string): { title?: string; content: string } {
  const page = (Array.isArray(json) ? json[0] : json) as WpPage | undefined;
  const content = page && typeof page === "object" ? page.content?.rendered : undefined;
  if (typeof content !== "string") {
    const what = Array.isArray(json) && json.length === 0 ? "an empty list" : "no content.rendered";
    throw new ScrapeError(
      "extraction",
      "wp_json_shape",
      `WordPress answer from ${url} has ${what}`,
    );
  }
  const title = page?.title?.rendered;
  return { title: typeof title === "string" ? title : undefined, content };
}

export async function fetchWpJson(url: URL, options: ResolvedOptions): Promise<Capture> {
  const capture = await fetchHttp(url, options, "application/json");
  let json: unknown;
  try {
    json = JSON.parse(capture.text);
  } catch (error) {
    const type = capture.contentType || "no content type";
    throw new ScrapeError("extraction", "not_json", `${capture.finalUrl} is not JSON (${type})`, {
      cause: error,
    });
  }
  const { title, content } = wpPageFrom(json, capture.finalUrl);
  return { ...capture, text: wpPageHtml(title, content) };
}
