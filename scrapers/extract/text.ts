import { createHash } from "node:crypto";

/**
 * Text helpers shared by the Markdown writer and by change detection.
 *
 * Whitespace policy, applied to every text node outside <pre>:
 * - ASCII whitespace, NBSP and the other Unicode space separators (U+1680, U+2000–U+200A,
 *   U+202F, U+205F, U+3000) all count as one collapsible space, as a browser would lay them out
 *   (NBSPs included: they only forbid a line break, and keeping them makes diffs lie about what
 *   changed).
 * - Invisible characters that sites sprinkle inconsistently between fetches (zero-width space,
 *   word joiner, byte-order mark, soft hyphen) are dropped. ZWJ/ZWNJ are kept: they change how
 *   emoji and some scripts render.
 */
const SPACES = /[\t\n\f\r \u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+/g;
const INVISIBLE = /[\u00ad\u200b\u2060\ufeff]/g;
const HAS_INVISIBLE = /[\u00ad\u200b\u2060\ufeff]/;

/** Collapses every whitespace run to one space and drops invisible characters. */
export function collapseWhitespace(text: string): string {
  const visible = HAS_INVISIBLE.test(text) ? text.replace(INVISIBLE, "") : text;
  return visible.replace(SPACES, " ");
}

/**
 * Markdown escaping for text taken from the page, so that what the page says is not read back as
 * Markdown syntax. Inline characters are escaped everywhere; line-start constructs (headings,
 * list markers, quotes, thematic breaks) are escaped by `escapeLineStarts` once a paragraph is
 * assembled, because only then do we know where lines start.
 */
const INLINE_SPECIAL = /[\\*_`[\]]|<(?=[A-Za-z/!?])/;
const INLINE_SPECIAL_ALL = /[\\*_`[\]]|<(?=[A-Za-z/!?])/g;

export function escapeInline(text: string): string {
  return INLINE_SPECIAL.test(text) ? text.replace(INLINE_SPECIAL_ALL, "\\$&") : text;
}

const LINE_START_SPECIAL = /^(?:#{1,6}(?= |$)|[-+](?= |$)|>|~~~|=+$|-+$|\d{1,9}(?=[.)](?: |$)))/gm;

export function escapeLineStarts(paragraph: string): string {
  return paragraph.replace(LINE_START_SPECIAL, (marker) =>
    /^\d/.test(marker) ? `${marker}\\` : `\\${marker}`,
  );
}

/**
 * The text used to decide whether a document changed, derived from the extracted Markdown.
 * Deliberately conservative: it only removes differences nobody can see.
 * - Unicode NFC (the same accented letter can arrive precomposed or decomposed);
 * - CRLF/CR line endings become LF;
 * - within a line, any run of whitespace (NBSPs and Unicode spaces included) becomes one space,
 *   invisible characters (zero-width space, word joiner, BOM, soft hyphen) are dropped, and the
 *   line is trimmed;
 * - runs of blank lines become a single blank line; the whole text is trimmed and ends with
 *   exactly one newline (none if empty).
 * It keeps everything a reader could notice: case, punctuation, typographic quotes and dashes
 * (switching ' to ’ is rare and still a visible edit), Markdown markup (a clause losing its
 * emphasis, or a link changing target, counts as a change). Idempotent.
 */
export function normaliseText(markdown: string): string {
  const lines = markdown.normalize("NFC").split(/\r\n?|\n/);
  const out: string[] = [];
  let blank = true; // true at the start, so leading blank lines vanish
  for (const line of lines) {
    const clean = collapseWhitespace(line).trim();
    if (clean === "") {
      if (!blank) out.push("");
      blank = true;
    } else {
      out.push(clean);
      blank = false;
    }
  }
  while (out.length > 0 && out[out.length - 1] === "") out.pop();
  return out.length === 0 ? "" : `${out.join("\n")}\n`;
}

/** SHA-256 (lowercase hex) of `normaliseText(text)`; normalising first makes it safe to pass raw
 * extractor output or already-normalised text: both give the same hash. */
export function hashText(text: string): string {
  return createHash("sha256").update(normaliseText(text), "utf8").digest("hex");
}
