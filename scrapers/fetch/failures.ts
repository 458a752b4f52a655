/**
 * How responses and network failures map onto ScrapeError classes and codes. The full table
 * is in README.md; the gist: a retry later may help → transient; the site won't give us this
 * URL → blocked; we got bytes but can't use them → extraction.
 */
import { ScrapeError } from "../errors";

/** Seconds from a Retry-After value (delta-seconds or an HTTP date), if it parses. */
export function parseRetryAfter(value: string | undefined, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, Math.ceil((date - now) / 1000));
}

/**
 * The error for a final (non-redirect) status that isn't 2xx, or undefined when it's fine.
 * 404/410 are blocked, not extraction: the site is telling us the document isn't at this URL
 * any more, retrying won't bring it back, and someone has to find where it moved.
 */
export function errorForStatus(
  status: number,
  url: string,
  retryAfterHeader?: string,
): ScrapeError | undefined {
  if (status >= 200 && status < 300) return undefined;
  const code = `http_${status}`;
  const message = `HTTP ${status} from ${url}`;
  const retryAfterSeconds = parseRetryAfter(retryAfterHeader);
  if (status === 429 || status === 408 || status >= 500) {
    return new ScrapeError("transient", code, message, { retryAfterSeconds });
  }
  // 401/403/451 (refused), 404/410 (gone), anything else in 4xx, and stray 1xx/3xx.
  return new ScrapeError("blocked", code, message);
}

function errorCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; current && depth < 5; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string") return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

const NETWORK_CODES: Record<string, string> = {
  ECONNREFUSED: "connection_refused",
  ENOTFOUND: "dns",
  EAI_AGAIN: "dns",
  ECONNRESET: "connection_reset",
  EPIPE: "connection_reset",
  UND_ERR_SOCKET: "connection_reset",
  UND_ERR_CLOSED: "connection_reset",
  ETIMEDOUT: "timeout",
  UND_ERR_CONNECT_TIMEOUT: "timeout",
  UND_ERR_HEADERS_TIMEOUT: "timeout",
  UND_ERR_BODY_TIMEOUT: "timeout",
  EHOSTUNREACH: "network_unreachable",
  ENETUNREACH: "network_unreachable",
};

/** Wraps a low-level network failure (undici, node:net, zlib) as a ScrapeError. */
export function errorForNetwork(error: unknown, url: string): ScrapeError {
  if (error instanceof ScrapeError) return error;
  const raw = errorCode(error);
  const reason = error instanceof Error ? error.message : String(error);
  if (raw?.startsWith("Z_") || raw === "ERR_BROTLI_INVALID_PARAM") {
    // zlib: the server said gzip/br but sent something else; retrying won't change the bytes.
    return new ScrapeError(
      "extraction",
      "content_encoding_invalid",
      `Bad compressed body from ${url}: ${reason}`,
      { cause: error },
    );
  }
  if (raw && /CERT|SSL|TLS|ERR_TLS/i.test(raw)) {
    return new ScrapeError("transient", "tls_error", `TLS failure for ${url}: ${reason}`, {
      cause: error,
    });
  }
  const code = (raw && NETWORK_CODES[raw]) ?? "network_error";
  return new ScrapeError("transient", code, `${code} for ${url}: ${reason}`, { cause: error });
}

export function timeoutError(url: string, timeoutMs: number): ScrapeError {
  return new ScrapeError(
    "transient",
    "timeout",
    `No complete answer from ${url} in ${timeoutMs} ms`,
  );
}
