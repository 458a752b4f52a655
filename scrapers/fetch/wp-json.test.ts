import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type FixtureServer,
  FIXTURE_PATHS as P,
  startFixtureServer,
} from "../testing/fixture-server";
import { fetchDocument } from "./index";
import { expectScrapeError, FAST } from "./test-support";
import { wpPageFrom, wpPageHtml } from "./wp-json";

let server: FixtureServer;
beforeAll(async () => {
  server = await startFixtureServer();
});
afterAll(() => server.close());

const get = (path: string) => fetchDocument({ url: server.url + path, fetcher: "wp-json" }, FAST);
const sonyJson = readFileSync(
  new URL("./fixtures/sony-music-how-we-use-your-data.wp.json", import.meta.url),
);

describe("wp-json fetcher", () => {
  it("turns Sony Music's page object into an HTML document: <h1> title, then content", async () => {
    const capture = await get(P.wpPage);
    expect(capture.status).toBe(200);
    expect(capture.contentType).toBe("application/json; charset=UTF-8");
    expect(capture.body.equals(sonyJson)).toBe(true);
    expect(capture.text).toMatch(/^<!DOCTYPE html>/);
    expect(capture.text).toContain("<h1>How We Use Your Data</h1>");
    expect(capture.text).toContain(
      "<p><em>IMPORTANT: The information below must be read in conjunction",
    );
    // JSON escapes are undone: \u2018 → ‘ and \/ → /.
    expect(capture.text).toContain("applicable \u2018pre-save\u2019/ \u2018pre-add\u2019");
    expect(capture.text.indexOf("<h1>")).toBeLessThan(capture.text.indexOf("IMPORTANT"));
  });

  it("asks for JSON", async () => {
    server.clearRequests();
    await get(P.wpPage);
    expect(server.requestsFor(P.wpPage)[0]?.headers.accept).toBe("application/json");
  });

  it("takes the first page of an array answer (?slug=)", async () => {
    const one = await get(P.wpPage);
    const bySlug = await get(`${P.wpPages}?slug=how-we-use-your-data`);
    expect(bySlug.text).toBe(one.text);
  });

  it("an empty array (unknown slug) → extraction/wp_json_shape", async () => {
    await expectScrapeError(get(`${P.wpPages}?slug=nope`), "extraction", "wp_json_shape");
  });

  it("an HTML page where JSON was expected → extraction/not_json", async () => {
    await expectScrapeError(get(P.wpNotJson), "extraction", "not_json");
  });

  it("JSON without content.rendered → extraction/wp_json_shape", async () => {
    await expectScrapeError(get(P.wpWrongShape), "extraction", "wp_json_shape");
  });

  it("a cookie wall served instead of JSON → blocked/bot_wall", async () => {
    await expectScrapeError(
      fetchDocument({ url: server.url + P.cookieWall, fetcher: "wp-json" }, FAST),
      "blocked",
      "bot_wall",
    );
  });

  it("shares the http fetcher's status handling", async () => {
    await expectScrapeError(get(`${P.status}/404`), "blocked", "http_404");
  });

  it("builds the document without a heading when the title is missing", () => {
    const page = wpPageFrom({ content: { rendered: "<p>Body</p>" } }, "u");
    expect(page).toEqual({ title: undefined, content: "<p>Body</p>" });
    expect(wpPageHtml(page.title, page.content)).not.toContain("<h1>");
    expect(() => wpPageFrom({ content: { rendered: 42 } }, "u")).toThrow(/content.rendered/);
    expect(() => wpPageFrom(null, "u")).toThrow();
  });
});
