/**
 * Turning bytes into text with the right charset, in the order browsers use:
 * byte-order mark, then the Content-Type header's charset, then a `<meta charset>` or
 * `<meta http-equiv="Content-Type">` in the first 1024 bytes (HTML only), else UTF-8.
 *
 * Invalid byte sequences in a charset we *can* decode are replaced with U+FFFD rather than
 * failing: browsers do the same, a policy page with one stray byte is still worth archiving,
 * and the exact bytes are kept in Capture.body anyway. A charset TextDecoder does not know is
 * an extraction/charset_unsupported error, because guessing would archive mojibake.
 */
import { ScrapeError } from "../errors";

const META_SNIFF_BYTES = 1024;

/** The charset parameter of a Content-Type header value, if any. */
export function charsetFromContentType(contentType: string): string | undefined {
  const match = /;\s*charset\s*=\s*("?)([^";,\s]+)\1/i.exec(contentType);
  return match?.[2]?.trim() || undefined;
}

function isHtmlish(contentType: string): boolean {
  const type = contentType.split(";")[0]?.trim().toLowerCase() ?? "";
  return type === "" || type === "text/html" || type === "application/xhtml+xml";
}

/** The charset declared in a `<meta>` tag near the start of an HTML document, if any. */
export function charsetFromMeta(body: Buffer): string | undefined {
  // latin1 maps each byte to one char, so ASCII markup is readable whatever the real charset.
  const head = body.subarray(0, META_SNIFF_BYTES).toString("latin1");
  for (const tag of head.match(/<meta\b[^>]*>/gi) ?? []) {
    const direct = /\bcharset\s*=\s*["']?\s*([^"'\s/>;]+)/i.exec(tag);
    if (direct && !/http-equiv/i.test(tag)) return direct[1];
    if (/http-equiv\s*=\s*["']?content-type/i.test(tag)) {
      const content = /\bcontent\s*=\s*(["'])(.*?)\1/i.exec(tag)?.[2];
      const charset = content ? charsetFromContentType(content) : undefined;
      if (charset) return charset;
    }
  }
  return undefined;
}

function charsetFromBom(body: Buffer): string | undefined {
  if (body[0] === 0xef && body[1] === 0xbb && body[2] === 0xbf) return "utf-8";
  if (body[0] === 0xfe && body[1] === 0xff) return "utf-16be";
  if (body[0] === 0xff && body[1] === 0xfe) return "utf-16le";
  return undefined;
}

/** Which charset the body should be decoded with (the label as declared). */
export function detectCharset(body: Buffer, contentType: string): string {
  return (
    charsetFromBom(body) ??
    charsetFromContentType(contentType) ??
    (isHtmlish(contentType) ? charsetFromMeta(body) : undefined) ??
    "utf-8"
  );
}

/** Decodes the body; throws extraction/charset_unsupported for a charset we can't decode. */
export function decodeBody(body: Buffer, contentType: string): { text: string; charset: string } {
  const declared = detectCharset(body, contentType);
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(declared, { fatal: false });
  } catch (error) {
    throw new ScrapeError(
      "extraction",
      "charset_unsupported",
      `Cannot decode charset "${declared}"`,
      { cause: error },
    );
  }
  if (decoder.encoding === "windows-1252") {
    return { text: decodeWindows1252(body), charset: decoder.encoding };
  }
  // TextDecoder strips a BOM matching its encoding; it reports the canonical name.
  return { text: decoder.decode(body), charset: decoder.encoding };
}

/** WHATWG windows-1252 for bytes 0x80–0x9F; every other byte maps to the same code point. */
const WINDOWS_1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152,
  0x8d, 0x17d, 0x8f, 0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122,
  0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

/**
 * Node 20's TextDecoder decodes windows-1252 (and its aliases iso-8859-1, latin1, ascii) as
 * plain ISO-8859-1, turning “ ” € into C1 control characters; pages labelled iso-8859-1 very
 * often contain exactly those bytes, so we decode it ourselves, as browsers do.
 */
export function decodeWindows1252(body: Buffer): string {
  const latin1 = body.toString("latin1");
  return latin1.replace(/[\x80-\x9f]/g, (c) =>
    String.fromCharCode(WINDOWS_1252_HIGH[c.charCodeAt(0) - 0x80] ?? c.charCodeAt(0)),
  );
}
