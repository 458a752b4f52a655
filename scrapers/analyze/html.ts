import { NodeHtmlMarkdown } from "node-html-markdown";

/** Elements that never hold the terms themselves. */
const DROP = /<(script|style|noscript|template|svg|head|nav|footer)\b[\s\S]*?<\/\1\s*>/gi;

/** Does this look like an HTML document rather than Markdown or plain text? */
export function looksLikeHtml(text: string): boolean {
  const head = text.slice(0, 4000).trimStart().toLowerCase();
  if (head.startsWith("<!doctype html") || head.startsWith("<html")) return true;
  const tags = text
    .slice(0, 50_000)
    .match(/<\/?(p|div|span|h[1-6]|li|ul|ol|table|tr|td|a|br|body|section|article)\b[^>]*>/gi);
  return (tags?.length ?? 0) >= 5;
}

/** A simple HTML → Markdown conversion for the analyze CLI (no selectors: the whole page). */
export function htmlToText(html: string): string {
  return NodeHtmlMarkdown.translate(html.replace(DROP, " "), { keepDataImages: false }).trim();
}
