import { type Document, DomHandler } from "domhandler";
import { Parser } from "htmlparser2";
import { ScrapeError } from "../errors";

/**
 * Elements nested deeper than this make the page unextractable. Real pages stay far below (a few
 * dozen levels; browsers themselves stop nesting at 512), while deeper trees, typically thousands
 * of unclosed tags, make parsing and selector matching quadratic: 200,000 nested <span> took
 * about 10 s to parse and 40 s to query.
 */
export const MAX_DEPTH = 2000;

/** Stops at MAX_DEPTH, and notes when the parser opens a <noscript> (so we know a `<noscript` in
 * the source was a tag, not text inside a script, comment or attribute). */
class Handler extends DomHandler {
  openedNoscript = false;

  override onopentag(name: string, attribs: { [key: string]: string }): void {
    if (this.tagStack.length > MAX_DEPTH) {
      throw new ScrapeError(
        "extraction",
        "too_deep",
        `The page's elements are nested more than ${MAX_DEPTH} deep (unclosed tags?)`,
      );
    }
    super.onopentag(name, attribs);
    if (name === "noscript") this.openedNoscript = true;
  }
}

const NOSCRIPT_OPEN = /<noscript[\s/>]/gi;
const NOSCRIPT_CLOSE = /<\/noscript/gi;

/**
 * Parses HTML with htmlparser2 (fast, forgiving), reading <noscript> as a browser with scripting
 * on does: its content is raw text, here dropped. htmlparser2 parses it as markup, so a stray
 * `<iframe ... />` inside (not self-closing in HTML: iframe content is raw text up to
 * `</iframe>`) swallowed the whole rest of real pages (Brevo's, in the benchmark). The input is
 * fed in chunks cut after each `<noscript>` tag, and the content up to `</noscript` is skipped.
 */
export function parseHtml(html: string): Document {
  const handler = new Handler();
  const parser = new Parser(handler);
  let written = 0;
  NOSCRIPT_OPEN.lastIndex = 0;
  for (let open = NOSCRIPT_OPEN.exec(html); open !== null; open = NOSCRIPT_OPEN.exec(html)) {
    if (open.index < written) continue;
    const tagEnd = html.indexOf(">", open.index);
    if (tagEnd < 0) break;
    handler.openedNoscript = false;
    parser.write(html.slice(written, tagEnd + 1));
    written = tagEnd + 1;
    if (!handler.openedNoscript) continue;
    NOSCRIPT_CLOSE.lastIndex = written;
    const close = NOSCRIPT_CLOSE.exec(html);
    written = close === null ? html.length : close.index;
    NOSCRIPT_OPEN.lastIndex = written;
  }
  parser.write(html.slice(written));
  parser.end();
  return handler.root;
}
