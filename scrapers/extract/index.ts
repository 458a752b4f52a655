import { ScrapeError } from "../errors";
import { Flow } from "./flow";
import { baseUrl } from "./links";
import { walk } from "./markdown";
import { parseHtml } from "./parse";
import { applyRemove, applySelect, findFirst, type Selectors } from "./selectors";

export type { RangeSelector, Selector, Selectors } from "./selectors";
export { hashText, normaliseText } from "./text";

export type ExtractRules = {
  /** What to keep; missing means the whole <body>. */
  select?: Selectors;
  /** What to drop first (applied before `select`, as Open Terms Archive does). */
  remove?: Selectors;
};

export type ExtractOptions = {
  /** The page's URL: relative links and images are made absolute against it (and <base href>). */
  url?: string;
};

/**
 * HTML → clean Markdown, deterministically: the same HTML, rules and URL always give the same
 * bytes. The page is parsed once (htmlparser2, forgiving of broken markup); `remove` then
 * `select` run on that tree; the result is written as Markdown (see ./markdown.ts), with
 * whitespace normalised, LF line endings, no trailing spaces, single blank lines between
 * blocks, and one final newline.
 *
 * Throws ScrapeError (class "extraction"): `selector_no_match` when the select selectors match
 * nothing (or a range marker is missing), `invalid_selector` for unparsable CSS, `empty_text`
 * when the selection holds no text, `too_deep` for pathologically nested markup (see MAX_DEPTH).
 */
export function extractMarkdown(
  html: string,
  rules: ExtractRules,
  options: ExtractOptions = {},
): string {
  const document = parseHtml(html);
  applyRemove(document, rules.remove);
  const nodes = applySelect(document, rules.select);
  const base =
    options.url === undefined
      ? undefined
      : baseUrl(options.url, findFirst("base[href]", document)?.attribs.href);

  const flow = new Flow();
  try {
    for (const node of nodes) {
      flow.flush();
      walk([node], flow, { base, inline: false, link: false, strong: false, em: false });
    }
  } catch (error) {
    if (error instanceof RangeError && /call stack/i.test(error.message)) {
      throw new ScrapeError(
        "extraction",
        "too_deep",
        "The page's markup is nested too deeply to extract",
        {
          cause: error,
        },
      );
    }
    throw error;
  }
  const markdown = flow
    .finish()
    .replace(/[ \t]+$/gm, "")
    .replace(/\n{3,}/g, "\n\n")
    .trim();

  // Text a reader sees: link and image targets do not count.
  if (!/[\p{L}\p{N}]/u.test(markdown.replace(/\]\([^)]*\)/g, "]"))) {
    const what = rules.select === undefined ? "The page's body" : "The selected content";
    throw new ScrapeError("extraction", "empty_text", `${what} contains no text`);
  }
  return `${markdown}\n`;
}
