import type { ChildNode, Element } from "domhandler";
import { inlineCode, pre } from "./code";
import { type Context, Flow, tidyInline } from "./flow";
import { cloudflareEmail, resolveHref, resolveSrc } from "./links";
import { collapseWhitespace, escapeInline } from "./text";

/**
 * HTML (a domhandler tree) → Markdown.
 *
 * Why a writer of our own rather than node-html-markdown or turndown: both take an HTML *string*
 * and parse it again with their own parser, so select/remove on our tree would cost a serialise
 * plus a second parse; on the benchmark corpus that pipeline (htmlparser2 → dom-serializer →
 * node-html-markdown) spends ~4x our select + conversion time after parsing (see
 * `npm run bench -- extract`), and node-html-markdown alone takes seconds on some whole real pages
 * (Buffer's). This writer walks the tree once, in document order, and is kept to the constructs
 * terms pages use: headings, paragraphs, lists, tables, links, emphasis, code, quotes and rules.
 * Everything else contributes its text. Hidden elements (`hidden`, CSS) are kept: we see no CSS,
 * and collapsed sections of terms pages are still terms.
 *
 * Output style (CommonMark + GFM tables): ATX headings, "-" bullets, "1." numbers, `**strong**`,
 * `*em*`, `~~del~~`, fenced code, `---` rules, inline links. Page text is escaped so it reads back
 * as the same text.
 */

type Kind =
  | "skip"
  | "block"
  | "heading"
  | "list"
  | "quote"
  | "pre"
  | "hr"
  | "br"
  | "table"
  | "a"
  | "img"
  | "strong"
  | "em"
  | "del"
  | "code";

const KINDS = new Map<string, Kind>();
const assign = (kind: Kind, names: string) => {
  for (const name of names.split(" ")) KINDS.set(name, kind);
};
// Not content: scripts, styles, embedded documents and media, form controls, document metadata.
assign(
  "skip",
  "script style noscript template iframe frame frameset object embed applet svg math canvas " +
    "audio video source track map area head title meta link base input select textarea option " +
    "optgroup datalist button",
);
assign(
  "block",
  "address article aside body center dd details dialog div dl dt fieldset figcaption figure " +
    "footer form header hgroup html legend li main nav p search section summary " +
    "caption tbody td tfoot th thead tr",
);
assign("heading", "h1 h2 h3 h4 h5 h6");
assign("list", "ul ol menu dir");
assign("quote", "blockquote");
assign("pre", "pre listing xmp plaintext");
assign("hr", "hr");
assign("br", "br");
assign("table", "table");
assign("a", "a");
assign("img", "img");
assign("strong", "strong b");
assign("em", "em i cite dfn var");
assign("del", "del s strike");
assign("code", "code kbd samp tt");

export function walk(nodes: readonly ChildNode[], flow: Flow, ctx: Context): void {
  for (const node of nodes) {
    if (node.type === "text") flow.text += escapeInline(collapseWhitespace(node.data));
    else if (node.type === "tag") element(node, flow, ctx);
    // Comments, doctypes, CDATA, <script> and <style> (their own node types) carry no content.
  }
}

type Render = (el: Element, flow: Flow, ctx: Context) => void;

const INLINE: Partial<Record<Kind, Render>> = {
  br: (_el, flow) => {
    flow.text += "\n";
  },
  a: (el, flow, ctx) => link(el, flow, ctx),
  img: (el, flow, ctx) => image(el, flow, ctx),
  strong: (el, flow, ctx) =>
    ctx.strong ? walk(el.children, flow, ctx) : wrap(el, flow, { ...ctx, strong: true }, "**"),
  em: (el, flow, ctx) =>
    ctx.em ? walk(el.children, flow, ctx) : wrap(el, flow, { ...ctx, em: true }, "*"),
  del: (el, flow, ctx) => wrap(el, flow, ctx, "~~"),
  code: (el, flow) => inlineCode(el, flow),
};

const BLOCK: Partial<Record<Kind, Render>> = {
  block: (el, flow, ctx) => {
    flow.flush();
    walk(el.children, flow, ctx);
    flow.flush();
  },
  heading: (el, flow, ctx) => {
    flow.flush();
    const text = inlineText(el.children, { ...ctx, inline: true, strong: true });
    if (text !== "") flow.block(`${"#".repeat(Number(el.name[1]))} ${text}`);
  },
  hr: (_el, flow) => flow.block("---"),
  list: (el, flow, ctx) => list(el, flow, ctx),
  quote: (el, flow, ctx) => {
    const inner = new Flow();
    walk(el.children, inner, ctx);
    const text = inner.finish();
    if (text !== "") flow.block(text.replace(/^/gm, "> ").replace(/^> $/gm, ">"));
  },
  pre: (el, flow) => pre(el, flow),
  table: (el, flow, ctx) => table(el, flow, ctx),
};

function element(el: Element, flow: Flow, ctx: Context): void {
  const kind = KINDS.get(el.name);
  if (kind === undefined) {
    // Inline or unknown (custom elements): only its content counts.
    const email = el.attribs["data-cfemail"];
    if (email !== undefined) flow.text += escapeInline(cloudflareEmail(email) ?? "");
    else walk(el.children, flow, ctx);
  } else if (kind !== "skip") {
    const inline = INLINE[kind];
    if (inline !== undefined) inline(el, flow, ctx);
    else if (!ctx.inline) BLOCK[kind]?.(el, flow, ctx);
    else {
      // Inside a heading, link or table cell, blocks become line breaks (the caller decides
      // what a line break turns into).
      flow.text += "\n";
      if (kind !== "hr") walk(el.children, flow, ctx);
      flow.text += "\n";
    }
  }
}

/** Wraps inline content in a delimiter, moving its outer whitespace outside the delimiters (as
 * `** x**` would not be emphasis). If a block turned up inside, the formatting is dropped. */
function wrap(el: Element, flow: Flow, ctx: Context, delimiter: string): void {
  const start = flow.text.length;
  const blocks = flow.breaks;
  walk(el.children, flow, ctx);
  if (flow.breaks !== blocks) return;
  const inner = flow.text.slice(start);
  const core = inner.trim();
  if (core === "") return;
  const lead = inner.slice(0, inner.length - inner.trimStart().length);
  const trail = inner.slice(inner.trimEnd().length);
  flow.text = `${flow.text.slice(0, start)}${lead}${delimiter}${core}${delimiter}${trail}`;
}

function link(el: Element, flow: Flow, ctx: Context): void {
  if (ctx.link) {
    walk(el.children, flow, ctx);
    return;
  }
  const start = flow.text.length;
  const blocks = flow.breaks;
  walk(el.children, flow, { ...ctx, inline: true, link: true });
  if (flow.breaks !== blocks) return;
  const inner = flow.text.slice(start);
  const core = inner.replace(/\s*\n\s*/g, " ").trim();
  const url = resolveHref(el.attribs.href, ctx.base);
  const lead = /^\s/.test(inner) ? " " : "";
  const trail = /\s$/.test(inner) ? " " : "";
  // A link with no visible text (an icon) says nothing to a reader: drop it.
  const rendered = core === "" ? "" : url === undefined ? core : `[${core}](${url})`;
  flow.text = `${flow.text.slice(0, start)}${lead}${rendered}${trail}`;
}

function image(el: Element, flow: Flow, ctx: Context): void {
  const alt = escapeInline(collapseWhitespace(el.attribs.alt ?? "").trim());
  const src = resolveSrc(el.attribs, ctx.base);
  if (src !== undefined) flow.text += `![${alt}](${src})`;
  else if (alt !== "") flow.text += alt;
}

function list(el: Element, flow: Flow, ctx: Context): void {
  const ordered = el.name === "ol";
  let number = ordered ? Number.parseInt(el.attribs.start ?? "1", 10) : 0;
  if (Number.isNaN(number)) number = 1;
  const items: string[] = [];
  let item: Flow | undefined;
  let marker = "";
  const finishItem = () => {
    const body = item?.finish() ?? "";
    if (body !== "")
      items.push(marker + body.replace(/\n(?=[^\n])/g, `\n${" ".repeat(marker.length)}`));
  };
  const startItem = () => {
    finishItem();
    item = new Flow(true);
    marker = ordered ? `${number++}. ` : "- ";
  };
  for (const child of el.children) {
    if (child.type === "tag" && child.name === "li") {
      startItem();
      walk(child.children, item as Flow, ctx);
    } else if (child.type === "tag" || (child.type === "text" && child.data.trim() !== "")) {
      // Stray content in a list (e.g. a <ul> directly inside a <ul>) belongs to the item before.
      if (item === undefined) startItem();
      walk([child], item as Flow, ctx);
    }
  }
  finishItem();
  if (items.length > 0) flow.block(items.join("\n"), true);
}

function table(el: Element, flow: Flow, ctx: Context): void {
  const rows: Element[] = [];
  let caption: Element | undefined;
  // Content misplaced in a table is shown before it by browsers ("foster parenting").
  const misplaced: ChildNode[] = [];
  for (const child of el.children) {
    if (child.type !== "tag") {
      if (child.type === "text" && child.data.trim() !== "") misplaced.push(child);
    } else if (child.name === "tr") rows.push(child);
    else if (child.name === "caption") caption = child;
    else if (child.name === "thead" || child.name === "tbody" || child.name === "tfoot") {
      for (const row of child.children) if (row.type === "tag" && row.name === "tr") rows.push(row);
    } else if (child.name !== "colgroup" && child.name !== "col") misplaced.push(child);
  }
  if (misplaced.length > 0) {
    flow.flush();
    walk(misplaced, flow, ctx);
    flow.flush();
  }
  const cells = rows.map((row) =>
    row.children.filter(
      (c): c is Element => c.type === "tag" && (c.name === "td" || c.name === "th"),
    ),
  );
  const columns = Math.max(0, ...cells.map((row) => row.length));
  // A one-column table, or one holding tables, is page layout: render its cells as blocks.
  if (columns <= 1 || cells.some((row) => row.some(hasTable))) {
    flow.flush();
    if (caption) walk([caption], flow, ctx);
    for (const row of cells) for (const cell of row) walk([cell], flow, ctx);
    flow.flush();
    return;
  }
  if (caption) walk([caption], flow, ctx);
  const lines = cells.map((row) => {
    const texts: string[] = [];
    for (const cell of row) {
      texts.push(cellText(cell.children, ctx));
      const span = Math.min(Number.parseInt(cell.attribs.colspan ?? "1", 10) || 1, columns);
      for (let i = 1; i < span; i++) texts.push("");
    }
    while (texts.length < columns) texts.push("");
    return `| ${texts.join(" | ")} |`;
  });
  lines.splice(1, 0, `|${" --- |".repeat(columns)}`);
  flow.block(lines.join("\n"));
}

const hasTable = (node: ChildNode): boolean =>
  node.type === "tag" && (node.name === "table" || node.children.some(hasTable));

/** A heading's or link's text: one line. */
function inlineText(nodes: readonly ChildNode[], ctx: Context): string {
  const flow = new Flow();
  walk(nodes, flow, ctx);
  return tidyInline(flow.text).replace(/\n+/g, " ");
}

/** A GFM table cell: one line, line breaks as <br>, pipes escaped. */
function cellText(nodes: readonly ChildNode[], ctx: Context): string {
  const flow = new Flow();
  walk(nodes, flow, { ...ctx, inline: true });
  return tidyInline(flow.text).replace(/\n+/g, "<br>").replace(/\|/g, "\\|");
}
