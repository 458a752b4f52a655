import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type FixtureServer,
  FIXTURE_PATHS as P,
  startFixtureServer,
} from "../testing/fixture-server";
import { clearRobotsCache, DEFAULT_USER_AGENT, fetchDocument } from "./index";
import { FAST } from "./test-support";

let server: FixtureServer;
beforeAll(async () => {
  server = await startFixtureServer();
});
afterAll(() => server.close());

const get = (path: string) => fetchDocument({ url: server.url + path, fetcher: "http" }, FAST);

describe("http fetcher", () => {
  it("returns bytes, decoded text, headers and the final URL", async () => {
    const before = Date.now();
    const capture = await get(P.page);
    expect(capture.status).toBe(200);
    expect(capture.contentType).toBe("text/html; charset=utf-8");
    expect(capture.text).toContain("<h1>Terms of Service</h1>");
    expect(capture.text).toContain("café");
    expect(capture.body.toString("utf8")).toBe(capture.text);
    expect(capture.finalUrl).toBe(server.url + P.page);
    expect(capture.headers["content-type"]).toBe("text/html; charset=utf-8");
    expect(capture.fetchedAt.getTime()).toBeGreaterThanOrEqual(before);
  });

  it("identifies itself honestly and asks for compressed bodies", async () => {
    server.clearRequests();
    await get(P.page);
    const [request] = server.requestsFor(P.page);
    expect(request?.headers["user-agent"]).toBe(DEFAULT_USER_AGENT);
    expect(request?.headers["user-agent"]).toMatch(/^Termtrail\/\S+ \(\+https:\/\//);
    expect(request?.headers["accept-encoding"]).toBe("gzip, deflate, br");
  });

  it.each([
    ["gzip", P.gzip],
    ["deflate (zlib)", P.deflate],
    ["deflate (raw)", P.deflateRaw],
    ["br", P.br],
  ])("undoes %s content-encoding", async (_name, path) => {
    const plain = await get(P.page);
    const capture = await get(path);
    expect(capture.headers["content-encoding"]).toBeDefined();
    expect(capture.body.equals(plain.body)).toBe(true);
    expect(capture.text).toBe(plain.text);
  });

  it("takes the charset from <meta charset> when the header has none (windows-1252)", async () => {
    const capture = await get(P.metaCharset);
    expect(capture.contentType).toBe("text/html");
    expect(capture.text).toContain("Conditions générales: “abonnement” à 9,99 € par mois.");
    expect(capture.body.includes(Buffer.from([0xe9]))).toBe(true);
  });

  it("takes the charset from <meta http-equiv> (iso-8859-1)", async () => {
    const capture = await get(P.metaHttpEquiv);
    expect(capture.text).toContain("Datenschutzerklärung für Großkunden");
  });

  it("lets the Content-Type header's charset win over <meta>", async () => {
    const latin1 = Buffer.from('<meta charset="utf-8"><p>caf\xe9</p>', "latin1");
    server.setPage("/header-wins.html", latin1, {
      "content-type": "text/html; charset=ISO-8859-1",
    });
    expect((await get("/header-wins.html")).text).toBe('<meta charset="utf-8"><p>café</p>');
  });

  it("defaults to UTF-8 and replaces invalid bytes with U+FFFD instead of failing", async () => {
    const bytes = Buffer.concat([
      Buffer.from("<p>ok "),
      Buffer.from([0xff, 0xfe, 0x41]),
      Buffer.from("</p>"),
    ]);
    server.setPage("/invalid-utf8.html", bytes, { "content-type": "text/html" });
    const capture = await get("/invalid-utf8.html");
    expect(capture.text).toBe("<p>ok \uFFFD\uFFFDA</p>");
    expect(capture.body.equals(bytes)).toBe(true);
  });

  it("returns malformed HTML as served: repairing it is the extractor's job", async () => {
    const capture = await get(P.malformed);
    expect(capture.status).toBe(200);
    expect(capture.text).toContain("<h1>Privacy Policy</h2>");
    expect(capture.text).toContain("<!-- an unterminated comment");
  });

  it("follows redirects up to the cap and reports where it landed", async () => {
    const capture = await get(`${P.redirectChain}/5`);
    expect(capture.finalUrl).toBe(server.url + P.page);
    expect(capture.text).toContain("Terms of Service");
  });

  it("serves pages that change between runs", async () => {
    server.setPage("/changing.html", "<p>version 1</p>");
    expect((await get("/changing.html")).text).toBe("<p>version 1</p>");
    server.setPage("/changing.html", "<p>version 2</p>");
    expect((await get("/changing.html")).text).toBe("<p>version 2</p>");
  });

  it("calls checkUrl before the request and on every redirect hop", async () => {
    clearRobotsCache();
    const seen: string[] = [];
    await fetchDocument(
      { url: `${server.url}${P.redirectChain}/2`, fetcher: "http" },
      { ...FAST, checkUrl: async (url) => void seen.push(url.pathname) },
    );
    // robots.txt is vetted too, before it is fetched.
    expect(seen).toEqual([`${P.redirectChain}/2`, "/robots.txt", `${P.redirectChain}/1`, P.page]);
  });
});
