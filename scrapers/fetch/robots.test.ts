import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  type FixtureServer,
  FIXTURE_PATHS as P,
  startFixtureServer,
} from "../testing/fixture-server";
import { clearRobotsCache, type FetchOptions, fetchDocument } from "./index";
import { robotsToken } from "./robots";
import { expectScrapeError, FAST } from "./test-support";

let server: FixtureServer;
beforeAll(async () => {
  server = await startFixtureServer();
});
afterAll(() => server.close());
beforeEach(() => {
  clearRobotsCache();
  server.clearRequests();
  server.setPage(P.robots, "User-agent: *\nDisallow: /private/\n", {
    "content-type": "text/plain",
  });
});

const get = (path: string, options: FetchOptions = {}) =>
  fetchDocument({ url: server.url + path, fetcher: "http" }, { ...FAST, ...options });

describe("robots.txt", () => {
  it("a disallowed path → blocked/robots_disallowed, and the page is never requested", async () => {
    await expectScrapeError(get(P.disallowed), "blocked", "robots_disallowed");
    expect(server.requestsFor(P.disallowed)).toHaveLength(0);
  });

  it("a redirect into a disallowed path → blocked/robots_disallowed", async () => {
    await expectScrapeError(get(P.redirectToDisallowed), "blocked", "robots_disallowed");
    expect(server.requestsFor(P.disallowed)).toHaveLength(0);
  });

  it("is fetched once per host and cached for the run", async () => {
    await get(P.page);
    await get(P.gzip);
    await expectScrapeError(get(P.disallowed), "blocked", "robots_disallowed");
    expect(server.requestsFor(P.robots)).toHaveLength(1);
  });

  it("concurrent first fetches share one robots.txt request", async () => {
    await Promise.all([get(P.page), get(P.br), get(P.deflate)]);
    expect(server.requestsFor(P.robots)).toHaveLength(1);
  });

  it("a 404 robots.txt means everything is allowed", async () => {
    server.removePage(P.robots);
    await expect(get(P.disallowed)).resolves.toMatchObject({ status: 200 });
  });

  it("a 5xx robots.txt → transient/robots_unavailable, the page untouched, and retried next time", async () => {
    server.setRoute(P.robots, (_req, res) => {
      res.writeHead(503, { "retry-after": "30" });
      res.end();
    });
    const error = await expectScrapeError(get(P.page), "transient", "robots_unavailable");
    expect(error.retryAfterSeconds).toBe(30);
    expect(server.requestsFor(P.page)).toHaveLength(0);
    server.setPage(P.robots, "User-agent: *\nAllow: /\n", { "content-type": "text/plain" });
    await expect(get(P.page)).resolves.toMatchObject({ status: 200 });
    expect(server.requestsFor(P.robots)).toHaveLength(2);
  });

  it("matches our own User-agent group by product token", async () => {
    server.setPage(
      P.robots,
      "User-agent: Termtrail\nDisallow: /pages/\n\nUser-agent: *\nAllow: /\n",
      {
        "content-type": "text/plain",
      },
    );
    await expectScrapeError(get(P.page), "blocked", "robots_disallowed");
    clearRobotsCache();
    await expect(get(P.page, { userAgent: "OtherBot/1.0" })).resolves.toMatchObject({
      status: 200,
    });
  });

  it("is skipped entirely with respectRobots: false", async () => {
    await expect(get(P.disallowed, { respectRobots: false })).resolves.toMatchObject({
      status: 200,
    });
    expect(server.requestsFor(P.robots)).toHaveLength(0);
  });

  it("the robots.txt request itself passes checkUrl", async () => {
    const checkUrl = async (url: URL) => {
      if (url.pathname === "/robots.txt") throw new Error("nope");
    };
    await expectScrapeError(get(P.page, { checkUrl }), "blocked", "url_rejected");
    expect(server.requestsFor(P.robots)).toHaveLength(0);
  });

  it("robotsToken takes the product name of a User-Agent", () => {
    expect(robotsToken("Termtrail/0.1 (+https://github.com/termtrail)")).toBe("Termtrail");
    expect(robotsToken("Plainbot")).toBe("Plainbot");
  });
});
