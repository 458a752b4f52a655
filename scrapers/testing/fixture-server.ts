/**
 * A local HTTP server for tests: real sockets on 127.0.0.1, never the live web.
 *
 *   const server = await startFixtureServer();
 *   server.setPage("/terms", "<h1>v1</h1>");           // serve (or replace) a page
 *   await fetchDocument({ url: `${server.url}/terms`, fetcher: "http" }, { hostDelayMs: 0 });
 *   server.setPage("/terms", "<h1>v2</h1>");           // the site "changes" between runs
 *   await server.close();
 *
 * It starts with the built-in routes of ./fixture-routes.ts (see FIXTURE_PATHS there: robots.txt
 * disallowing /private/, encoded pages, charsets, slow/huge/bomb responses, redirect loops,
 * 4xx/5xx/429, a cookie wall, a JS-rendered page, WordPress REST answers). setPage, setRoute and
 * removePage can replace any of them, robots.txt included. closedPortUrl() gives a URL where
 * nothing listens (connection refused).
 */
import http, { type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { builtinRoutes, type RouteHandler } from "./fixture-routes";

export { FIXTURE_PATHS, type RouteHandler } from "./fixture-routes";

export interface FixtureRequest {
  method: string;
  /** Path and query as requested, e.g. "/wp-json/wp/v2/pages?slug=x". */
  path: string;
  headers: IncomingMessage["headers"];
  /** Date.now() when the request arrived. */
  at: number;
}

export interface FixtureServer {
  /** Base URL without a trailing slash, e.g. "http://127.0.0.1:40123". */
  url: string;
  port: number;
  /**
   * Serves `body` with status 200 at `path` (exact path+query match wins over a path-only
   * match). Content-Type defaults to "text/html; charset=utf-8"; `headers` add or override.
   */
  setPage(path: string, body: string | Buffer, headers?: Record<string, string>): void;
  /** Serves `path` with your own handler (any status, timing or misbehaviour). */
  setRoute(path: string, handler: RouteHandler): void;
  /** Makes `path` answer 404 (e.g. removePage("/robots.txt") for "no robots.txt"). */
  removePage(path: string): void;
  /** Every request received so far, oldest first. */
  readonly requests: readonly FixtureRequest[];
  /** The requests whose path (with or without query) equals `path`. */
  requestsFor(path: string): FixtureRequest[];
  /** Forgets the request log. */
  clearRequests(): void;
  /** Closes the server and drops every open connection, hanging ones included. */
  close(): Promise<void>;
}

function notFound(_req: IncomingMessage, res: ServerResponse): void {
  res.writeHead(404, { "content-type": "text/html; charset=utf-8" });
  res.end("<!DOCTYPE html><html><body><h1>Not found</h1></body></html>");
}

export async function startFixtureServer(): Promise<FixtureServer> {
  const routes = new Map<string, RouteHandler>(builtinRoutes());
  const requests: FixtureRequest[] = [];

  const server = http.createServer((req, res) => {
    const path = req.url ?? "/";
    requests.push({ method: req.method ?? "GET", path, headers: req.headers, at: Date.now() });
    const pathname = path.split("?")[0] ?? path;
    const handler = routes.get(path) ?? routes.get(pathname) ?? notFound;
    try {
      handler(req, res);
    } catch (error) {
      res.destroy(error instanceof Error ? error : new Error(String(error)));
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    port,
    setPage(path, body, headers = {}) {
      const lowered = Object.fromEntries(
        Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]),
      );
      routes.set(path, (_req, res) => {
        res.writeHead(200, { "content-type": "text/html; charset=utf-8", ...lowered });
        res.end(body);
      });
    },
    setRoute(path, handler) {
      routes.set(path, handler);
    },
    removePage(path) {
      routes.set(path, notFound);
    },
    get requests() {
      return requests;
    },
    requestsFor(path) {
      return requests.filter((r) => r.path === path || r.path.split("?")[0] === path);
    },
    clearRequests() {
      requests.length = 0;
    },
    close() {
      return new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}

/** A URL on 127.0.0.1 where nothing listens: requests to it get ECONNREFUSED. */
export async function closedPortUrl(): Promise<string> {
  const probe = http.createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", () => resolve()));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}
