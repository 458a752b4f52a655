import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FixtureServer, startFixtureServer } from "../testing/fixture-server";
import { fetchDocument } from "./index";
import {
  checkPublicUrl,
  createUrlGuard,
  guardedDispatcher,
  isInternalAddress,
  sourceUrlProblem,
  ssrfFetchOptions,
} from "./ssrf";

let server: FixtureServer;
beforeAll(async () => {
  server = await startFixtureServer();
  server.setPage("/robots.txt", "User-agent: *\nAllow: /\n", { "content-type": "text/plain" });
  server.setPage("/terms", "<html><body><main><p>Secret intranet terms</p></main></body></html>");
  for (const [path, target] of [
    ["/to-loopback", `http://127.0.0.1:${server.port}/terms`],
    ["/to-localhost", `http://localhost:${server.port}/terms`],
    ["/to-metadata", "http://169.254.169.254/latest/meta-data/"],
    ["/to-private", "http://10.1.2.3/admin"],
    ["/to-v6-loopback", `http://[::1]:${server.port}/terms`],
    ["/to-mapped", `http://[::ffff:127.0.0.1]:${server.port}/terms`],
  ] as const) {
    server.setRoute(path, (_req, res) => {
      res.writeHead(302, { location: target });
      res.end();
    });
  }
});
afterAll(() => server.close());

describe("isInternalAddress", () => {
  it("refuses loopback, private, link-local and their IPv6 forms", () => {
    for (const a of [
      "127.0.0.1",
      "127.8.9.10",
      "10.0.0.1",
      "172.16.0.1",
      "172.31.255.255",
      "192.168.1.1",
      "169.254.169.254",
      "100.64.0.1",
      "0.0.0.0",
      "::1",
      "::",
      "fe80::1",
      "fd00::1",
      "::ffff:127.0.0.1",
      "::ffff:7f00:1",
      "::ffff:a9fe:a9fe",
      "64:ff9b::10.0.0.1",
    ]) {
      expect(isInternalAddress(a), a).toBe(true);
    }
  });
  it("lets public addresses through", () => {
    for (const a of ["93.184.215.14", "8.8.8.8", "172.32.0.1", "2606:4700::1111"]) {
      expect(isInternalAddress(a), a).toBe(false);
    }
  });
});

describe("the guard in the fetch stage", () => {
  const refusedLike = { errorClass: "blocked", code: "url_private" };

  it("refuses a loopback, private or link-local URL before any request", async () => {
    for (const url of [
      `${server.url}/terms`,
      `http://localhost:${server.port}/terms`,
      "http://169.254.169.254/latest/meta-data/",
      "http://192.168.0.1/",
      `http://[::1]:${server.port}/terms`,
    ]) {
      server.clearRequests();
      await expect(
        fetchDocument({ url, fetcher: "http" }, { checkUrl: checkPublicUrl, hostDelayMs: 0 }),
        url,
      ).rejects.toMatchObject(refusedLike);
      expect(server.requests).toHaveLength(0);
    }
  });

  it("refuses every redirect hop into a private, loopback or link-local target", async () => {
    // The first hop is let through on purpose (it stands for a public page that redirects).
    const guard = createUrlGuard({
      allow: (u) => u.port === String(server.port) && u.pathname.startsWith("/to-"),
    });
    for (const path of [
      "/to-loopback",
      "/to-localhost",
      "/to-metadata",
      "/to-private",
      "/to-v6-loopback",
      "/to-mapped",
    ]) {
      server.clearRequests();
      await expect(
        fetchDocument(
          { url: `${server.url}${path}`, fetcher: "http" },
          { checkUrl: guard, hostDelayMs: 0, respectRobots: false },
        ),
        path,
      ).rejects.toMatchObject(refusedLike);
      expect(server.requestsFor("/terms"), path).toHaveLength(0);
    }
  });

  it("refuses a name that resolves inside, even when it resolved outside at check time", async () => {
    // DNS rebinding: the check saw a public address; the connection must still refuse loopback.
    const guard = createUrlGuard({
      resolve: async () => [{ address: "93.184.215.14", family: 4 }],
    });
    server.clearRequests();
    await expect(
      fetchDocument(
        { url: `http://localhost:${server.port}/terms`, fetcher: "http" },
        { checkUrl: guard, dispatcher: guardedDispatcher(), hostDelayMs: 0, respectRobots: false },
      ),
    ).rejects.toThrow();
    expect(server.requestsFor("/terms")).toHaveLength(0);
  });

  it("is on unless TERMTRAIL_ALLOW_PRIVATE_URLS is set", async () => {
    expect(ssrfFetchOptions({}).checkUrl).toBeTypeOf("function");
    expect(ssrfFetchOptions({ TERMTRAIL_ALLOW_PRIVATE_URLS: "1" })).toEqual({});
    server.clearRequests();
    await expect(
      fetchDocument(
        { url: `${server.url}/terms`, fetcher: "http" },
        {
          ...ssrfFetchOptions({}),
          hostDelayMs: 0,
        },
      ),
    ).rejects.toMatchObject(refusedLike);
    const allowed = await fetchDocument(
      { url: `${server.url}/terms`, fetcher: "http" },
      { ...ssrfFetchOptions({ TERMTRAIL_ALLOW_PRIVATE_URLS: "1" }), hostDelayMs: 0 },
    );
    expect(allowed.text).toContain("Secret intranet terms");
  });

  it("explains why a source URL is refused in the form", async () => {
    expect(await sourceUrlProblem("ftp://example.com/x", {})).toMatch(/http/);
    expect(await sourceUrlProblem("not a url", {})).toMatch(/full URL/);
    expect(await sourceUrlProblem(`${server.url}/terms`, {})).toMatch(/private/);
    expect(await sourceUrlProblem("http://[fe80::1]/", {})).toMatch(/private/);
    expect(
      await sourceUrlProblem(`${server.url}/terms`, { TERMTRAIL_ALLOW_PRIVATE_URLS: "1" }),
    ).toBeUndefined();
  });
});
