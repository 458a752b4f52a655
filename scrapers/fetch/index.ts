/**
 * The fetch stage: get one document from the web, politely (robots.txt, an honest
 * User-Agent, one request at a time per host with a pause between) and defensively
 * (deadlines, a size cap that survives compression bombs, a redirect cap). Every failure is a
 * ScrapeError whose class and code are listed in README.md.
 */
import { ScrapeError } from "../errors";
import { fetchBrowser } from "./browser";
import { fetchHttp } from "./http";
import { type FetchOptions, parseHttpUrl, resolveOptions } from "./options";
import type { Capture, FetchRequest } from "./types";
import { fetchWpJson } from "./wp-json";

export { closeBrowser } from "./browser";
export { parseRetryAfter } from "./failures";
export { createHostQueue, defaultHostQueue, type HostQueue } from "./host-queue";
export { DEFAULT_USER_AGENT, type FetchOptions } from "./options";
export { clearRobotsCache } from "./robots";
export type { Capture, FetcherKind, FetchRequest } from "./types";

export async function fetchDocument(req: FetchRequest, options?: FetchOptions): Promise<Capture> {
  const resolved = resolveOptions(options);
  const url = parseHttpUrl(req.url);
  return resolved.hostQueue.run(url.hostname, resolved.hostDelayMs, () => {
    switch (req.fetcher) {
      case "http":
        return fetchHttp(url, resolved);
      case "wp-json":
        return fetchWpJson(url, resolved);
      case "browser":
        return fetchBrowser(url, req, resolved);
      default:
        throw new ScrapeError("extraction", "fetcher_unknown", `Unknown fetcher "${req.fetcher}"`);
    }
  });
}
