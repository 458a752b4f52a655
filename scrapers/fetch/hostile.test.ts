/** Every hostile answer the http fetcher must turn into the right ScrapeError class and code. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  closedPortUrl,
  type FixtureServer,
  FIXTURE_PATHS as P,
  startFixtureServer,
} from "../testing/fixture-server";
import { type FetchOptions, fetchDocument } from "./index";
import { expectScrapeError, FAST } from "./test-support";

let server: FixtureServer;
beforeAll(async () => {
  server = await startFixtureServer();
});
afterAll(() => server.close());

const get = (path: string, options: FetchOptions = {}) =>
  fetchDocument({ url: server.url + path, fetcher: "http" }, { ...FAST, ...options });

describe("network failures are transient", () => {
  it("connection refused → transient/connection_refused", async () => {
    const url = await closedPortUrl();
    await expectScrapeError(
      fetchDocument({ url: `${url}/terms`, fetcher: "http" }, FAST),
      "transient",
      "connection_refused",
    );
  });

  it("connection reset before any answer → transient/connection_reset", async () => {
    await expectScrapeError(get(P.reset), "transient", "connection_reset");
  });

  it("no status line before the deadline → transient/timeout", async () => {
    const started = Date.now();
    await expectScrapeError(get(P.hangBeforeHeaders, { timeoutMs: 400 }), "transient", "timeout");
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it("a body that trickles forever is cut at the overall deadline → transient/timeout", async () => {
    const started = Date.now();
    await expectScrapeError(get(P.hangMidBody, { timeoutMs: 700 }), "transient", "timeout");
    expect(Date.now() - started).toBeLessThan(2500);
  });
});

describe("status codes", () => {
  it.each([
    [404, "blocked"],
    [410, "blocked"],
    [403, "blocked"],
    [401, "blocked"],
    [451, "blocked"],
    [400, "blocked"],
    [500, "transient"],
    [502, "transient"],
    [504, "transient"],
    [408, "transient"],
  ] as const)("HTTP %i → %s/http_%i", async (status, errorClass) => {
    await expectScrapeError(get(`${P.status}/${status}`), errorClass, `http_${status}`);
  });

  it("429 → transient/http_429 with Retry-After in seconds", async () => {
    const error = await expectScrapeError(get(`${P.status}/429`), "transient", "http_429");
    expect(error.retryAfterSeconds).toBe(120);
  });

  it("429 with Retry-After as an HTTP date → seconds until then", async () => {
    const error = await expectScrapeError(get(P.rateLimitedDate), "transient", "http_429");
    expect(error.retryAfterSeconds).toBeGreaterThanOrEqual(85);
    expect(error.retryAfterSeconds).toBeLessThanOrEqual(91);
  });

  it("503 passes its Retry-After on too", async () => {
    const error = await expectScrapeError(get(`${P.status}/503`), "transient", "http_503");
    expect(error.retryAfterSeconds).toBe(120);
  });
});

describe("bodies", () => {
  it("a body over the cap, streamed without Content-Length → extraction/too_large", async () => {
    await expectScrapeError(get(P.large), "extraction", "too_large");
  });

  it("a Content-Length over the cap is refused before reading → extraction/too_large", async () => {
    await expectScrapeError(get(P.largeDeclared), "extraction", "too_large");
  });

  it("the cap is configurable", async () => {
    await expectScrapeError(get(P.page, { maxBytes: 100 }), "extraction", "too_large");
  });

  it("a gzip bomb is stopped at the cap, not inflated to memory → extraction/too_large", async () => {
    const rssBefore = process.memoryUsage().rss;
    const started = Date.now();
    await expectScrapeError(
      get(P.gzipBomb, { maxBytes: 2 * 1024 * 1024 }),
      "extraction",
      "too_large",
    );
    // Inflating the whole GiB would take seconds and leave hundreds of MB resident.
    expect(Date.now() - started).toBeLessThan(2000);
    expect(process.memoryUsage().rss - rssBefore).toBeLessThan(200 * 1024 * 1024);
  });

  it("a body that isn't the gzip it claims → extraction/content_encoding_invalid", async () => {
    await expectScrapeError(get(P.badGzip), "extraction", "content_encoding_invalid");
  });

  it("an unknown Content-Encoding → extraction/content_encoding_unsupported", async () => {
    server.setPage("/zstd.html", "<p>x</p>", { "content-encoding": "zstd" });
    await expectScrapeError(get("/zstd.html"), "extraction", "content_encoding_unsupported");
  });

  it("a charset TextDecoder doesn't know → extraction/charset_unsupported", async () => {
    await expectScrapeError(get(P.badCharset), "extraction", "charset_unsupported");
  });

  it("an unknown charset declared only in <meta> → extraction/charset_unsupported", async () => {
    server.setPage("/meta-bogus.html", '<meta charset="x-bogus"><p>hi</p>', {
      "content-type": "text/html",
    });
    await expectScrapeError(get("/meta-bogus.html"), "extraction", "charset_unsupported");
  });
});

describe("redirects and walls", () => {
  it("a redirect loop → blocked/redirect_loop, vetting each hop until the cap", async () => {
    const seen: string[] = [];
    await expectScrapeError(
      get(P.redirectLoop, { checkUrl: async (url) => void seen.push(url.pathname) }),
      "blocked",
      "redirect_loop",
    );
    const hops = seen.filter((path) => path !== "/robots.txt");
    expect(hops).toHaveLength(6); // the first request and 5 followed redirects
    expect(new Set(hops)).toEqual(new Set(["/redirect/loop-a", "/redirect/loop-b"]));
  });

  it("one redirect more than maxRedirects → blocked/redirect_loop", async () => {
    await expectScrapeError(
      get(`${P.redirectChain}/3`, { maxRedirects: 2 }),
      "blocked",
      "redirect_loop",
    );
    await expect(get(`${P.redirectChain}/2`, { maxRedirects: 2 })).resolves.toBeDefined();
  });

  it("a redirect to a non-http scheme → blocked/url_invalid", async () => {
    server.setRoute("/to-file", (_req, res) => {
      res.writeHead(302, { location: "file:///etc/passwd" });
      res.end();
    });
    await expectScrapeError(get("/to-file"), "blocked", "url_invalid");
  });

  it("checkUrl refusing a redirect target stops the fetch with its own error", async () => {
    const checkUrl = async (url: URL) => {
      if (url.pathname === P.page) throw new Error("private address");
    };
    await expectScrapeError(get(`${P.redirectChain}/1`, { checkUrl }), "blocked", "url_rejected");
  });

  it("a tiny 'Please enable cookies' page → blocked/bot_wall", async () => {
    await expectScrapeError(get(P.cookieWall), "blocked", "bot_wall");
  });

  it("a long policy that talks about enabling cookies is not a wall", async () => {
    const policy = `<h1>Cookie policy</h1>${"<p>You can enable cookies or disable them in your browser settings at any time.</p>".repeat(40)}`;
    server.setPage("/cookie-policy.html", policy);
    expect((await get("/cookie-policy.html")).text).toBe(policy);
  });

  it("wall detection can be switched off", async () => {
    const capture = await get(P.cookieWall, { detectWalls: false });
    expect(capture.text).toContain("Please enable cookies");
  });

  it("a malformed URL or a non-http scheme → blocked/url_invalid", async () => {
    await expectScrapeError(
      fetchDocument({ url: "not a url", fetcher: "http" }, FAST),
      "blocked",
      "url_invalid",
    );
    await expectScrapeError(
      fetchDocument({ url: "ftp://127.0.0.1/x", fetcher: "http" }, FAST),
      "blocked",
      "url_invalid",
    );
  });
});
