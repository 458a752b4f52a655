/**
 * The browser fetcher: system Chromium driven by playwright-core, for pages whose text only
 * exists after their scripts run. One browser per process (launched lazily, closed with
 * closeBrowser()), a fresh context per fetch so no cookies or storage leak between fetches.
 *
 * Every request the page makes passes options.checkUrl first. Chromium follows redirects
 * itself, so redirect hops are vetted (checkUrl, robots, hop count) after the navigation
 * finishes: a bad hop fails the fetch, but the request to it has already been made.
 */
import { type Browser, chromium, errors, type Response } from "playwright-core";
import { ScrapeError } from "../errors";
import { errorForStatus } from "./failures";
import { vetUrl } from "./http";
import type { ResolvedOptions } from "./options";
import type { Capture, FetchRequest } from "./types";
import { assertNotWall } from "./walls";

/** Override with TERMTRAIL_CHROMIUM; Playwright's own browser download isn't used. */
export const CHROMIUM_PATH = process.env.TERMTRAIL_CHROMIUM ?? "/usr/bin/chromium";

/** Quiet Chromium's background traffic (updates, sync, QUIC), which a closed network refuses. */
const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

let browserPromise: Promise<Browser> | undefined;

function getBrowser(): Promise<Browser> {
  if (!browserPromise) {
    const launching = chromium
      .launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS })
      .catch((error: unknown) => {
        browserPromise = undefined;
        throw new ScrapeError(
          "transient",
          "browser_launch_failed",
          `Could not start Chromium at ${CHROMIUM_PATH}`,
          { cause: error },
        );
      });
    launching.then((browser) =>
      browser.on("disconnected", () => {
        if (browserPromise === launching) browserPromise = undefined;
      }),
    );
    browserPromise = launching;
  }
  return browserPromise;
}

/** Closes the shared browser, if one was started. Call on shutdown. */
export async function closeBrowser(): Promise<void> {
  const current = browserPromise;
  browserPromise = undefined;
  if (!current) return;
  try {
    await (await current).close();
  } catch {
    // It never started or already died: nothing to close.
  }
}

const NET_ERRORS: Array<[RegExp, ScrapeError["errorClass"], string]> = [
  [/ERR_CONNECTION_REFUSED/, "transient", "connection_refused"],
  [/ERR_NAME_NOT_RESOLVED|ERR_NAME_RESOLUTION_FAILED/, "transient", "dns"],
  [/ERR_CONNECTION_(RESET|CLOSED|ABORTED)|ERR_EMPTY_RESPONSE/, "transient", "connection_reset"],
  [/ERR_(CONNECTION_)?TIMED_OUT/, "transient", "timeout"],
  [/ERR_TOO_MANY_REDIRECTS/, "blocked", "redirect_loop"],
  [/ERR_(CERT|SSL)_/, "transient", "tls_error"],
  [/ERR_(ADDRESS|NETWORK)_UNREACHABLE/, "transient", "network_unreachable"],
];

function browserError(error: unknown, url: string, timeoutMs: number): ScrapeError {
  if (error instanceof ScrapeError) return error;
  if (error instanceof errors.TimeoutError) {
    return new ScrapeError("transient", "timeout", `No page from ${url} in ${timeoutMs} ms`, {
      cause: error,
    });
  }
  const message = error instanceof Error ? error.message : String(error);
  for (const [pattern, errorClass, code] of NET_ERRORS) {
    if (pattern.test(message)) {
      return new ScrapeError(errorClass, code, `${code} for ${url}`, { cause: error });
    }
  }
  return new ScrapeError("transient", "network_error", `Browser failed on ${url}: ${message}`, {
    cause: error,
  });
}

/** The URLs Chromium was redirected through, oldest first, ending with the final one. */
function redirectChain(response: Response): string[] {
  const chain = [response.url()];
  for (let r = response.request().redirectedFrom(); r; r = r.redirectedFrom())
    chain.unshift(r.url());
  return chain;
}

export async function fetchBrowser(
  url: URL,
  req: FetchRequest,
  options: ResolvedOptions,
): Promise<Capture> {
  const vet = vetUrl(options);
  await vet(url);
  const deadline = Date.now() + options.timeoutMs;
  const remaining = () => Math.max(1, deadline - Date.now());
  const browser = await getBrowser();
  const context = await browser.newContext({
    userAgent: options.userAgent,
    javaScriptEnabled: req.executeClientScripts ?? true,
    serviceWorkers: "block",
    acceptDownloads: false,
  });
  let refused: ScrapeError | undefined;
  try {
    await context.route("**/*", async (route) => {
      const request = route.request();
      try {
        const target = new URL(request.url());
        if (target.protocol === "http:" || target.protocol === "https:") {
          await options.checkUrl(target);
        }
        await route.continue();
      } catch (error) {
        if (request.isNavigationRequest() && error instanceof ScrapeError) refused ??= error;
        await route.abort("blockedbyclient").catch(() => {});
      }
    });
    const page = await context.newPage();
    page.setDefaultTimeout(options.timeoutMs);
    let response: Response | null;
    try {
      response = await page.goto(url.href, { timeout: remaining(), waitUntil: "load" });
    } catch (error) {
      throw refused ?? browserError(error, url.href, options.timeoutMs);
    }
    if (!response)
      throw new ScrapeError("transient", "network_error", `No response for ${url.href}`);
    const fetchedAt = new Date();

    const chain = redirectChain(response);
    if (chain.length - 1 > options.maxRedirects) {
      throw new ScrapeError(
        "blocked",
        "redirect_loop",
        `More than ${options.maxRedirects} redirects from ${url.href}`,
      );
    }
    for (const hop of chain.slice(1)) await vet(new URL(hop));

    const headers = await response.allHeaders();
    const failure = errorForStatus(response.status(), response.url(), headers["retry-after"]);
    if (failure) throw failure;

    if (req.waitForSelector) {
      try {
        await page.waitForSelector(req.waitForSelector, {
          state: "attached",
          timeout: remaining(),
        });
      } catch (error) {
        if (!(error instanceof errors.TimeoutError))
          throw browserError(error, url.href, options.timeoutMs);
        throw new ScrapeError(
          "extraction",
          "selector_timeout",
          `"${req.waitForSelector}" never appeared on ${page.url()}`,
          { cause: error },
        );
      }
    }
    const text = await page.content();
    const body = Buffer.from(text, "utf8");
    if (body.length > options.maxBytes) {
      throw new ScrapeError(
        "extraction",
        "too_large",
        `Rendered ${page.url()} exceeds ${options.maxBytes} bytes`,
      );
    }
    if (options.detectWalls) assertNotWall(text, headers, page.url());
    return {
      body,
      text,
      contentType: "text/html; charset=utf-8",
      finalUrl: page.url(),
      status: response.status(),
      headers,
      fetchedAt,
    };
  } finally {
    await context.close().catch(() => {});
  }
}
