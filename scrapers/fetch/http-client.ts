/**
 * The one place we speak HTTP (for the http and wp-json fetchers and for robots.txt):
 * a GET that follows redirects by hand (so every hop is vetted and loops are caught),
 * undoes content-encoding with zlib streams, and stops reading once the *decoded* body
 * passes the cap, so a gzip bomb costs us at most about maxBytes of memory.
 */
import { pipeline, Readable } from "node:stream";
import zlib from "node:zlib";
import { type Dispatcher, request } from "undici";
import { ScrapeError } from "../errors";
import { errorForNetwork, timeoutError } from "./failures";
import { parseHttpUrl } from "./options";

export interface RawResponse {
  /** The URL that answered, after redirects. */
  url: URL;
  status: number;
  headers: Record<string, string>;
  /** The decoded body; empty when readBody said no for this status. */
  body: Buffer;
  fetchedAt: Date;
}

export interface GetOptions {
  timeoutMs: number;
  maxBytes: number;
  maxRedirects: number;
  userAgent: string;
  accept: string;
  dispatcher?: Dispatcher;
  /** Vets each URL (the first and every redirect target) before it is requested. */
  beforeHop: (url: URL) => Promise<void>;
  /** Whether to read the body for this final status (default: 2xx only). */
  readBody?: (status: number) => boolean;
  /** Over the cap: throw extraction/too_large (default) or keep the first maxBytes. */
  overCap?: "throw" | "truncate";
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

function flattenHeaders(headers: Record<string, string | string[] | undefined>) {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    flat[name.toLowerCase()] = Array.isArray(value) ? value.join(", ") : value;
  }
  return flat;
}

function tooLarge(url: URL, maxBytes: number): ScrapeError {
  return new ScrapeError(
    "extraction",
    "too_large",
    `Body of ${url.href} exceeds ${maxBytes} bytes`,
  );
}

function decoderFor(encoding: string, url: URL): NodeJS.ReadWriteStream {
  if (encoding === "gzip" || encoding === "x-gzip") return zlib.createGunzip();
  if (encoding === "deflate") return zlib.createInflate();
  if (encoding === "br") return zlib.createBrotliDecompress();
  throw new ScrapeError(
    "extraction",
    "content_encoding_unsupported",
    `Unsupported Content-Encoding "${encoding}" from ${url.href}`,
  );
}

const isZlibHeader = (b: Buffer) =>
  b.length >= 2 && ((b[0] ?? 0) & 0x0f) === 8 && (((b[0] ?? 0) << 8) | (b[1] ?? 0)) % 31 === 0;

/** The decoded body as a stream; layers are undone in reverse of the order applied. */
async function decodedStream(body: Readable, contentEncoding: string, url: URL) {
  const encodings = contentEncoding
    .split(",")
    .map((e) => e.trim().toLowerCase())
    .filter((e) => e !== "" && e !== "identity")
    .reverse();
  if (encodings.length === 0) return body;
  const decoders = encodings.map((e) => decoderFor(e, url));
  let source: Readable = body;
  if (encodings[0] === "deflate") {
    // Servers label both zlib-wrapped and raw deflate "deflate" (old IIS): peek to tell.
    const iterator: AsyncIterator<Buffer> = body[Symbol.asyncIterator]();
    const first = await iterator.next();
    if (first.done) return Readable.from([]);
    if (!isZlibHeader(first.value)) decoders[0] = zlib.createInflateRaw();
    source = Readable.from(
      (async function* () {
        yield first.value;
        yield* { [Symbol.asyncIterator]: () => iterator };
      })(),
    );
  }
  // pipeline() destroys every stage if one fails or the reader stops early.
  const stages = [source, ...decoders] as unknown as [Readable, NodeJS.ReadWriteStream];
  return pipeline(stages, () => {}) as unknown as Readable;
}

async function readCapped(stream: Readable, url: URL, maxBytes: number, overCap: string) {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    if (total + chunk.length > maxBytes) {
      stream.destroy();
      if (overCap === "throw") throw tooLarge(url, maxBytes);
      chunks.push(chunk.subarray(0, maxBytes - total));
      break;
    }
    total += chunk.length;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/** GET with manual redirects, a deadline over the whole exchange, decoding and a size cap. */
export async function httpGet(start: URL, options: GetOptions): Promise<RawResponse> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), options.timeoutMs);
  let url = start;
  let body: Readable | undefined;
  try {
    for (let hop = 0; ; hop++) {
      await options.beforeHop(url);
      if (controller.signal.aborted) throw timeoutError(url.href, options.timeoutMs);
      const response = await request(url, {
        method: "GET",
        headers: {
          "user-agent": options.userAgent,
          accept: options.accept,
          "accept-encoding": "gzip, deflate, br",
        },
        signal: controller.signal,
        dispatcher: options.dispatcher,
        headersTimeout: options.timeoutMs,
        bodyTimeout: options.timeoutMs,
      });
      body = response.body;
      // We destroy bodies we don't want; that must not surface as an unhandled 'error'.
      body.on("error", () => {});
      const headers = flattenHeaders(response.headers);
      const status = response.statusCode;
      if (REDIRECTS.has(status) && headers.location !== undefined) {
        body.destroy();
        if (hop >= options.maxRedirects) {
          throw new ScrapeError(
            "blocked",
            "redirect_loop",
            `More than ${options.maxRedirects} redirects starting at ${start.href}`,
          );
        }
        url = parseHttpUrl(headers.location, url);
        continue;
      }
      const fetchedAt = new Date();
      const wanted = options.readBody ?? ((s: number) => s >= 200 && s < 300);
      if (!wanted(status)) {
        body.destroy();
        return { url, status, headers, body: Buffer.alloc(0), fetchedAt };
      }
      const overCap = options.overCap ?? "throw";
      const declared = Number(headers["content-length"]);
      if (!headers["content-encoding"] && declared > options.maxBytes && overCap === "throw") {
        throw tooLarge(url, options.maxBytes);
      }
      const decoded = await decodedStream(body, headers["content-encoding"] ?? "", url);
      const bytes = await readCapped(decoded, url, options.maxBytes, overCap);
      return { url, status, headers, body: bytes, fetchedAt };
    }
  } catch (error) {
    if (error instanceof ScrapeError) throw error;
    if (controller.signal.aborted) throw timeoutError(url.href, options.timeoutMs);
    throw errorForNetwork(error, url.href);
  } finally {
    clearTimeout(timer);
    body?.destroy();
  }
}
