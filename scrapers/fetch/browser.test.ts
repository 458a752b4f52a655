/** The browser fetcher against the fixture server, on the system Chromium. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  closedPortUrl,
  type FixtureServer,
  FIXTURE_PATHS as P,
  startFixtureServer,
} from "../testing/fixture-server";
import {
  closeBrowser,
  DEFAULT_USER_AGENT,
  type FetchOptions,
  type FetchRequest,
  fetchDocument,
} from "./index";
import { expectScrapeError, FAST } from "./test-support";

let server: FixtureServer;
beforeAll(async () => {
  server = await startFixtureServer();
});
afterAll(async () => {
  await closeBrowser();
  await server.close();
});

const OPTIONS: FetchOptions = { ...FAST, timeoutMs: 5000 };
const browse = (path: string, extra: Partial<FetchRequest> = {}, options: FetchOptions = {}) =>
  fetchDocument(
    { url: server.url + path, fetcher: "browser", ...extra },
    { ...OPTIONS, ...options },
  );

describe("browser fetcher", () => {
  it("returns the DOM after the page's scripts ran", async () => {
    const capture = await browse(P.jsRendered, { waitForSelector: "#terms" });
    expect(capture.status).toBe(200);
    expect(capture.text).toContain(
      '<div id="terms"><h1>Terms of Service</h1><p>Rendered by a script',
    );
    expect(capture.text).not.toContain("Loading…");
    expect(capture.contentType).toBe("text/html; charset=utf-8");
    expect(capture.body.toString("utf8")).toBe(capture.text);
    expect(capture.finalUrl).toBe(server.url + P.jsRendered);
    expect(capture.headers["content-type"]).toBe("text/html; charset=utf-8");
  });

  it("the http fetcher sees only the empty shell of the same page", async () => {
    const capture = await fetchDocument(
      { url: server.url + P.jsRendered, fetcher: "http" },
      OPTIONS,
    );
    expect(capture.text).toContain("Loading…");
    expect(capture.text).not.toContain('id="terms"');
  });

  it("runs no scripts with executeClientScripts: false", async () => {
    const capture = await browse(P.jsRendered, { executeClientScripts: false });
    expect(capture.text).toContain("Loading…");
    expect(capture.text).not.toContain('id="terms"');
  });

  it("a selector that never appears → extraction/selector_timeout", async () => {
    await expectScrapeError(
      browse(
        P.jsRendered,
        { executeClientScripts: false, waitForSelector: "#terms" },
        { timeoutMs: 1500 },
      ),
      "extraction",
      "selector_timeout",
    );
  });

  it("sends our User-Agent and gives each fetch a fresh context (no cookies carried over)", async () => {
    server.setPage("/sets-cookie.html", "<p>Policy text that sets a cookie.</p>", {
      "set-cookie": "seen=1; Path=/",
    });
    server.setPage("/after-cookie.html", "<p>Policy text read after the cookie.</p>");
    server.clearRequests();
    await browse("/sets-cookie.html");
    await browse("/after-cookie.html");
    const [first] = server.requestsFor("/sets-cookie.html");
    const [second] = server.requestsFor("/after-cookie.html");
    expect(first?.headers["user-agent"]).toBe(DEFAULT_USER_AGENT);
    expect(second?.headers.cookie).toBeUndefined();
  });

  it("lets Chromium decode charsets and content-encodings", async () => {
    expect((await browse(P.metaCharset)).text).toContain("“abonnement” à 9,99 €");
    expect((await browse(P.gzip)).text).toContain("<h1>Terms of Service</h1>");
  });

  it("passes the page and its subresources through checkUrl", async () => {
    server.setPage("/with-image.html", '<p>Policy with an image.</p><img src="/img/logo.png">');
    const seen: string[] = [];
    await browse("/with-image.html", {}, { checkUrl: async (url) => void seen.push(url.pathname) });
    expect(seen).toContain("/with-image.html");
    expect(seen).toContain("/img/logo.png");
  });

  it("checkUrl refusing the page → its error, and nothing is requested", async () => {
    server.clearRequests();
    const checkUrl = async (url: URL) => {
      if (url.pathname === P.page) throw new Error("private address");
    };
    await expectScrapeError(browse(P.page, {}, { checkUrl }), "blocked", "url_rejected");
    expect(server.requestsFor(P.page)).toHaveLength(0);
  });
});

describe("browser fetcher failures", () => {
  it("HTTP 404 → blocked/http_404; 500 → transient/http_500; 429 keeps Retry-After", async () => {
    await expectScrapeError(browse(`${P.status}/404`), "blocked", "http_404");
    await expectScrapeError(browse(`${P.status}/500`), "transient", "http_500");
    const limited = await expectScrapeError(browse(`${P.status}/429`), "transient", "http_429");
    expect(limited.retryAfterSeconds).toBe(120);
  });

  it("robots.txt disallowing the page → blocked/robots_disallowed, before Chromium asks", async () => {
    server.clearRequests();
    await expectScrapeError(browse(P.disallowed), "blocked", "robots_disallowed");
    expect(server.requestsFor(P.disallowed)).toHaveLength(0);
  });

  it("a redirect into a disallowed path → blocked/robots_disallowed", async () => {
    await expectScrapeError(browse(P.redirectToDisallowed), "blocked", "robots_disallowed");
  });

  it("a redirect loop → blocked/redirect_loop", async () => {
    await expectScrapeError(browse(P.redirectLoop), "blocked", "redirect_loop");
  });

  it("more redirects than maxRedirects → blocked/redirect_loop", async () => {
    await expectScrapeError(
      browse(`${P.redirectChain}/3`, {}, { maxRedirects: 2 }),
      "blocked",
      "redirect_loop",
    );
    const ok = await browse(`${P.redirectChain}/2`, {}, { maxRedirects: 2 });
    expect(ok.finalUrl).toBe(server.url + P.page);
  });

  it("connection refused → transient/connection_refused", async () => {
    const url = await closedPortUrl();
    await expectScrapeError(
      fetchDocument(
        { url: `${url}/terms`, fetcher: "browser" },
        { ...OPTIONS, respectRobots: false },
      ),
      "transient",
      "connection_refused",
    );
  });

  it("a server that never answers → transient/timeout", async () => {
    await expectScrapeError(
      browse(P.hangBeforeHeaders, {}, { timeoutMs: 1000 }),
      "transient",
      "timeout",
    );
  });

  it("a cookie wall → blocked/bot_wall", async () => {
    await expectScrapeError(browse(P.cookieWall), "blocked", "bot_wall");
  });

  it("a rendered page over the cap → extraction/too_large", async () => {
    await expectScrapeError(browse(P.page, {}, { maxBytes: 200 }), "extraction", "too_large");
  });
});
