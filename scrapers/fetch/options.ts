import type { Dispatcher } from "undici";
import { ScrapeError } from "../errors";
import { defaultHostQueue, type HostQueue } from "./host-queue";

/** Sent with every request: says who we are and why, so a site operator can reach us. */
export const DEFAULT_USER_AGENT =
  "Termtrail/0.1 (+https://github.com/termtrail; archiving terms of service for public-interest research)";

export interface FetchOptions {
  /** Deadline for one whole fetch (every redirect hop, headers and body). Default 30 s. */
  timeoutMs?: number;
  /** Cap on the body after content-encoding is undone. Default 10 MiB. */
  maxBytes?: number;
  /** Redirect hops followed before giving up with `redirect_loop`. Default 5. */
  maxRedirects?: number;
  /** Default DEFAULT_USER_AGENT; its first token ("Termtrail") is matched against robots.txt. */
  userAgent?: string;
  /** Honour robots.txt (fetched once per origin per process). Default true. */
  respectRobots?: boolean;
  /** Pause between two fetches to the same hostname. Default 1000 ms. */
  hostDelayMs?: number;
  /**
   * Called with the URL before each request and before following each redirect hop (and for
   * every request the browser makes). Throw to refuse it: a thrown ScrapeError is passed on as
   * is, anything else becomes blocked/url_rejected. The place for an SSRF guard.
   */
  checkUrl?: (url: URL) => Promise<void>;
  /** Serialises fetches per host. Default: the process-wide in-memory queue. */
  hostQueue?: HostQueue;
  /** undici dispatcher for the http and wp-json fetchers (e.g. one that pins DNS answers). */
  dispatcher?: Dispatcher;
  /** Treat a tiny "enable cookies / are you a robot" page as blocked/bot_wall. Default true. */
  detectWalls?: boolean;
}

export interface ResolvedOptions {
  timeoutMs: number;
  maxBytes: number;
  maxRedirects: number;
  userAgent: string;
  respectRobots: boolean;
  hostDelayMs: number;
  checkUrl: (url: URL) => Promise<void>;
  hostQueue: HostQueue;
  dispatcher?: Dispatcher;
  detectWalls: boolean;
}

export function resolveOptions(options: FetchOptions = {}): ResolvedOptions {
  const checkUrl = options.checkUrl;
  return {
    timeoutMs: options.timeoutMs ?? 30_000,
    maxBytes: options.maxBytes ?? 10 * 1024 * 1024,
    maxRedirects: options.maxRedirects ?? 5,
    userAgent: options.userAgent ?? DEFAULT_USER_AGENT,
    respectRobots: options.respectRobots ?? true,
    hostDelayMs: options.hostDelayMs ?? 1000,
    checkUrl: checkUrl
      ? async (url) => {
          try {
            await checkUrl(url);
          } catch (error) {
            if (error instanceof ScrapeError) throw error;
            const reason = error instanceof Error ? error.message : String(error);
            throw new ScrapeError("blocked", "url_rejected", `Refused ${url.href}: ${reason}`, {
              cause: error,
            });
          }
        }
      : async () => {},
    hostQueue: options.hostQueue ?? defaultHostQueue,
    dispatcher: options.dispatcher,
    detectWalls: options.detectWalls ?? true,
  };
}

/** Parses a URL and refuses anything but http(s), as blocked/url_invalid. */
export function parseHttpUrl(raw: string, base?: string | URL): URL {
  let url: URL;
  try {
    url = new URL(raw, base);
  } catch (error) {
    throw new ScrapeError("blocked", "url_invalid", `Not a valid URL: ${raw}`, { cause: error });
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new ScrapeError("blocked", "url_invalid", `Only http(s) URLs are fetched: ${url.href}`);
  }
  return url;
}
