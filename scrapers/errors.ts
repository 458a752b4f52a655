/**
 * Every failure in the pipeline carries its class, so a run can decide what to do:
 * - transient: the network or the server hiccuped; retry later (timeouts, 5xx, 429, refused).
 * - blocked: the site refuses us (robots.txt, 403, bot or cookie wall); retrying soon won't help.
 * - extraction: we got a page but could not turn it into the document (selector matched nothing,
 *   undecodable charset, not JSON, text suspiciously short).
 * - storage: the archive itself failed; this stops the run, because continuing could lose data.
 */
export type ErrorClass = "transient" | "blocked" | "extraction" | "storage";

export class ScrapeError extends Error {
  readonly errorClass: ErrorClass;
  /** A short stable code for grouping, e.g. "timeout", "http_404", "selector_no_match". */
  readonly code: string;
  /** Seconds the server asked us to wait (Retry-After), when it said. */
  readonly retryAfterSeconds?: number;

  constructor(
    errorClass: ErrorClass,
    code: string,
    message: string,
    options?: { cause?: unknown; retryAfterSeconds?: number },
  ) {
    super(message, { cause: options?.cause });
    this.name = "ScrapeError";
    this.errorClass = errorClass;
    this.code = code;
    this.retryAfterSeconds = options?.retryAfterSeconds;
  }
}

export const isScrapeError = (error: unknown): error is ScrapeError => error instanceof ScrapeError;
