/**
 * The fixture server's built-in routes: ordinary pages and every hostile answer the fetch
 * stage must survive. Big and endless bodies are generated lazily with backpressure, so the
 * server never holds them in memory and stops as soon as the client goes away.
 */
import { readFileSync } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import { pipeline, Readable } from "node:stream";
import zlib from "node:zlib";
import * as pages from "./fixture-pages";

export type RouteHandler = (req: IncomingMessage, res: ServerResponse) => void;

/** Where each built-in fixture lives. Append to the server's `url`. */
export const FIXTURE_PATHS = {
  /** "User-agent: *\nDisallow: /private/" */
  robots: "/robots.txt",
  /** A normal page that robots.txt disallows. */
  disallowed: "/private/terms.html",
  /** A plain UTF-8 terms page (contains "Terms of Service" and "café"). */
  page: "/pages/terms.html",
  /** Unclosed tags, stray end tags, an unterminated comment: served with 200. */
  malformed: "/pages/malformed.html",
  /** The terms page, Content-Encoding gzip / deflate (zlib) / raw deflate / br. */
  gzip: "/encoded/gzip.html",
  deflate: "/encoded/deflate.html",
  deflateRaw: "/encoded/deflate-raw.html",
  br: "/encoded/br.html",
  /** windows-1252 bytes (é, €, curly quotes) declared only by <meta charset>. */
  metaCharset: "/charset/meta-windows-1252.html",
  /** ISO-8859-1 bytes declared only by <meta http-equiv="Content-Type">. */
  metaHttpEquiv: "/charset/http-equiv-iso-8859-1.html",
  /** Content-Type: text/html; charset=x-no-such-charset */
  badCharset: "/charset/unsupported.html",
  /** Never sends a status line. */
  hangBeforeHeaders: "/slow/headers",
  /** Sends headers and a little HTML, then one byte every 200 ms, forever. */
  hangMidBody: "/slow/body",
  /** 20 MiB of HTML, chunked (no Content-Length). */
  large: "/hostile/large",
  /** 20 MiB of HTML with an honest Content-Length. */
  largeDeclared: "/hostile/large-declared",
  /** 1 GiB of zeros, gzipped on the fly (~1 MiB on the wire). */
  gzipBomb: "/hostile/gzip-bomb",
  /** Content-Encoding gzip, but the bytes are not gzip. */
  badGzip: "/hostile/bad-gzip",
  /** The socket is destroyed before any response. */
  reset: "/hostile/reset",
  /** /redirect/loop-a ⇄ /redirect/loop-b forever. */
  redirectLoop: "/redirect/loop-a",
  /** `${redirectChain}/N` redirects N times, then lands on the terms page. */
  redirectChain: "/redirect/chain",
  /** One redirect to the robots-disallowed page. */
  redirectToDisallowed: "/redirect/to-private",
  /**
   * `${status}/<code>` answers that status for 400 401 403 404 408 410 429 451 500 502 503 504;
   * 429 and 503 send Retry-After: 120.
   */
  status: "/status",
  /** 429 with Retry-After as an HTTP date 90 s ahead. */
  rateLimitedDate: "/status-date/429",
  /** A tiny "Please enable cookies" page, status 200. */
  cookieWall: "/walls/cookies.html",
  /** An empty shell whose script inserts #terms (after 100 ms) — for the browser fetcher. */
  jsRendered: "/js/rendered.html",
  /** Sony Music's "How We Use Your Data" WordPress page object. */
  wpPage: "/wp-json/wp/v2/pages/3811",
  /** `${wpPages}?slug=how-we-use-your-data` answers an array of one page; other slugs []. */
  wpPages: "/wp-json/wp/v2/pages",
  /** A 200 HTML "maintenance" page where JSON was expected. */
  wpNotJson: "/wp-json/wp/v2/pages/9999",
  /** Valid JSON without content.rendered. */
  wpWrongShape: "/wp-json/wp/v2/pages/1",
} as const;

const SONY_JSON = readFileSync(
  new URL("../fetch/fixtures/sony-music-how-we-use-your-data.wp.json", import.meta.url),
);
const MiB = 1024 * 1024;
const HTML = "text/html; charset=utf-8";

function send(res: ServerResponse, status: number, body: string | Buffer, headers = {}) {
  res.writeHead(status, { "content-type": HTML, ...headers });
  res.end(body);
}

const page =
  (body: string | Buffer, headers: Record<string, string> = {}): RouteHandler =>
  (_req, res) =>
    send(res, 200, body, headers);

const redirect =
  (location: string): RouteHandler =>
  (_req, res) =>
    send(res, 302, "", { location });

/** Streams `total` bytes made of `chunk` repeated, honouring backpressure. */
function repeated(chunk: Buffer, total: number): Readable {
  let sent = 0;
  return new Readable({
    read() {
      if (sent >= total) return void this.push(null);
      const piece = chunk.subarray(0, Math.min(chunk.length, total - sent));
      sent += piece.length;
      this.push(piece);
    },
  });
}

function streamTo(res: ServerResponse, source: Readable, ...stages: NodeJS.ReadWriteStream[]) {
  // Errors here mean the client hung up, which is what the hostile tests do on purpose.
  pipeline([source, ...stages, res] as unknown as [Readable, ServerResponse], () => {});
}

const LARGE_CHUNK = Buffer.from(
  "<p>All work and no play makes a very long policy.</p>\n".repeat(1200),
);

function largePage(declareLength: boolean): RouteHandler {
  return (_req, res) => {
    const total = 20 * MiB;
    res.writeHead(200, {
      "content-type": HTML,
      ...(declareLength ? { "content-length": total } : {}),
    });
    streamTo(res, repeated(LARGE_CHUNK, total));
  };
}

const gzipBomb: RouteHandler = (_req, res) => {
  res.writeHead(200, { "content-type": HTML, "content-encoding": "gzip" });
  streamTo(res, repeated(Buffer.alloc(MiB), 1024 * MiB), zlib.createGzip({ level: 9 }));
};

const hangMidBody: RouteHandler = (req, res) => {
  res.writeHead(200, { "content-type": HTML });
  res.write("<!DOCTYPE html><html><body><p>Loading");
  const timer = setInterval(() => res.write("."), 200);
  req.socket.once("close", () => clearInterval(timer));
};

const statusRoute: RouteHandler = (req, res) => {
  const code = Number((req.url ?? "").split("/")[2]) || 500;
  send(
    res,
    code,
    `<!DOCTYPE html><html><body><h1>${code}</h1></body></html>`,
    code === 429 || code === 503 ? { "retry-after": "120" } : {},
  );
};

const rateLimitedDate: RouteHandler = (_req, res) =>
  send(res, 429, "<h1>Slow down</h1>", {
    "retry-after": new Date(Date.now() + 90_000).toUTCString(),
  });

const redirectChain: RouteHandler = (req, res) => {
  const n = Number((req.url ?? "").split("/")[3]) || 0;
  const next = n <= 1 ? FIXTURE_PATHS.page : `${FIXTURE_PATHS.redirectChain}/${n - 1}`;
  send(res, 302, "", { location: next });
};

const wpPages: RouteHandler = (req, res) => {
  const slug = new URL(req.url ?? "/", "http://x").searchParams.get("slug");
  const body = slug === "how-we-use-your-data" ? `[${SONY_JSON.toString("utf8")}]` : "[]";
  send(res, 200, body, { "content-type": "application/json; charset=UTF-8" });
};

/** Fresh route table for a new server. */
export function builtinRoutes(): Array<[string, RouteHandler]> {
  const terms = Buffer.from(pages.TERMS_HTML, "utf8");
  const routes: Array<[string, RouteHandler]> = [
    [
      FIXTURE_PATHS.robots,
      page("User-agent: *\nDisallow: /private/\n", { "content-type": "text/plain" }),
    ],
    [FIXTURE_PATHS.disallowed, page(terms)],
    [FIXTURE_PATHS.page, page(terms)],
    [FIXTURE_PATHS.malformed, page(pages.MALFORMED_HTML)],
    [FIXTURE_PATHS.gzip, page(zlib.gzipSync(terms), { "content-encoding": "gzip" })],
    [FIXTURE_PATHS.deflate, page(zlib.deflateSync(terms), { "content-encoding": "deflate" })],
    [FIXTURE_PATHS.deflateRaw, page(zlib.deflateRawSync(terms), { "content-encoding": "deflate" })],
    [FIXTURE_PATHS.br, page(zlib.brotliCompressSync(terms), { "content-encoding": "br" })],
    [FIXTURE_PATHS.metaCharset, page(pages.windows1252Page(), { "content-type": "text/html" })],
    [
      FIXTURE_PATHS.metaHttpEquiv,
      page(pages.latin1HttpEquivPage(), { "content-type": "text/html" }),
    ],
    [
      FIXTURE_PATHS.badCharset,
      page(terms, { "content-type": "text/html; charset=x-no-such-charset" }),
    ],
    [FIXTURE_PATHS.hangBeforeHeaders, () => {}],
    [FIXTURE_PATHS.hangMidBody, hangMidBody],
    [FIXTURE_PATHS.large, largePage(false)],
    [FIXTURE_PATHS.largeDeclared, largePage(true)],
    [FIXTURE_PATHS.gzipBomb, gzipBomb],
    [FIXTURE_PATHS.badGzip, page(terms, { "content-encoding": "gzip" })],
    [FIXTURE_PATHS.reset, (req) => req.socket.destroy()],
    [FIXTURE_PATHS.redirectLoop, redirect("/redirect/loop-b")],
    ["/redirect/loop-b", redirect(FIXTURE_PATHS.redirectLoop)],
    [FIXTURE_PATHS.redirectToDisallowed, redirect(FIXTURE_PATHS.disallowed)],
    [FIXTURE_PATHS.cookieWall, page(pages.COOKIE_WALL_HTML)],
    [FIXTURE_PATHS.jsRendered, page(pages.JS_RENDERED_HTML)],
    [FIXTURE_PATHS.wpPage, page(SONY_JSON, { "content-type": "application/json; charset=UTF-8" })],
    [FIXTURE_PATHS.wpPages, wpPages],
    [FIXTURE_PATHS.wpNotJson, page(pages.MAINTENANCE_HTML)],
    [
      FIXTURE_PATHS.wpWrongShape,
      page('{"id":1,"title":{"rendered":"Draft"}}', { "content-type": "application/json" }),
    ],
    [FIXTURE_PATHS.rateLimitedDate, rateLimitedDate],
  ];
  // Prefix routes: /status/<code> and /redirect/chain/<n> are matched by the server's
  // exact lookup, so register the common codes and chain lengths explicitly.
  for (const code of [400, 401, 403, 404, 408, 410, 429, 451, 500, 502, 503, 504]) {
    routes.push([`${FIXTURE_PATHS.status}/${code}`, statusRoute]);
  }
  for (let n = 1; n <= 10; n++) routes.push([`${FIXTURE_PATHS.redirectChain}/${n}`, redirectChain]);
  return routes;
}
