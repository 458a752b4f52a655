/**
 * robots.txt, fetched once per origin per process and cached (RFC 9309 semantics):
 * - 2xx: parsed with robots-parser; our product token (e.g. "Termtrail") is matched against
 *   its User-agent groups, falling back to "*".
 * - 4xx (404 included): no rules, everything allowed.
 * - 5xx or 429: transient/robots_unavailable; a network failure keeps its own code
 *   (connection_refused, timeout…). Neither is cached, so a later fetch asks again: we never
 *   fetch a page whose robots.txt we couldn't read.
 */
import robotsParser from "robots-parser";
import { ScrapeError } from "../errors";
import { parseRetryAfter } from "./failures";
import { httpGet } from "./http-client";
import type { ResolvedOptions } from "./options";

type Robots = ReturnType<typeof robotsParser>;

/** RFC 9309 asks crawlers to parse at least 500 KiB; anything past that is ignored. */
const ROBOTS_MAX_BYTES = 512 * 1024;

const cache = new Map<string, Promise<Robots | null>>();

/** Forgets every cached robots.txt (tests; a long-lived worker might call it daily). */
export function clearRobotsCache(): void {
  cache.clear();
}

/** "Termtrail/0.1 (+https://…)" → "Termtrail": the token robots.txt groups are matched on. */
export function robotsToken(userAgent: string): string {
  return userAgent.trim().split(/[/\s]/)[0] || "*";
}

async function loadRobots(origin: string, options: ResolvedOptions): Promise<Robots | null> {
  const robotsUrl = new URL("/robots.txt", origin);
  let response: Awaited<ReturnType<typeof httpGet>>;
  try {
    response = await httpGet(robotsUrl, {
      timeoutMs: options.timeoutMs,
      maxBytes: ROBOTS_MAX_BYTES,
      maxRedirects: 5,
      userAgent: options.userAgent,
      accept: "text/plain, */*;q=0.1",
      dispatcher: options.dispatcher,
      beforeHop: options.checkUrl,
      overCap: "truncate",
    });
  } catch (error) {
    // RFC 9309: a robots.txt redirect loop counts as "unavailable" (4xx): no rules.
    if (error instanceof ScrapeError && error.code === "redirect_loop") return null;
    if (error instanceof ScrapeError) {
      // Keep the network reason (connection_refused, timeout…): it's the host's, not robots'.
      throw new ScrapeError(error.errorClass, error.code, `${robotsUrl.href}: ${error.message}`, {
        cause: error,
        retryAfterSeconds: error.retryAfterSeconds,
      });
    }
    throw new ScrapeError("transient", "robots_unavailable", `Could not read ${robotsUrl.href}`, {
      cause: error,
    });
  }
  const { status } = response;
  if (status >= 200 && status < 300)
    return robotsParser(robotsUrl.href, response.body.toString("utf8"));
  if (status >= 400 && status < 500 && status !== 429) return null;
  throw new ScrapeError(
    "transient",
    "robots_unavailable",
    `HTTP ${status} for ${robotsUrl.href}; not fetching until robots.txt can be read`,
    { retryAfterSeconds: parseRetryAfter(response.headers["retry-after"]) },
  );
}

function robotsFor(url: URL, options: ResolvedOptions): Promise<Robots | null> {
  let entry = cache.get(url.origin);
  if (!entry) {
    entry = loadRobots(url.origin, options);
    cache.set(url.origin, entry);
    // Failures aren't remembered: the next fetch for this origin asks again.
    entry.catch(() => cache.delete(url.origin));
  }
  return entry;
}

/** Throws blocked/robots_disallowed when robots.txt forbids this URL to our user agent. */
export async function assertRobotsAllow(url: URL, options: ResolvedOptions): Promise<void> {
  if (!options.respectRobots) return;
  const robots = await robotsFor(url, options);
  if (robots && robots.isAllowed(url.href, robotsToken(options.userAgent)) === false) {
    throw new ScrapeError(
      "blocked",
      "robots_disallowed",
      `robots.txt of ${url.origin} disallows ${url.pathname}`,
    );
  }
}
