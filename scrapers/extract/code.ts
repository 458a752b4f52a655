import type { ChildNode, Element } from "domhandler";
import type { Flow } from "./flow";
import { collapseWhitespace } from "./text";

/** Code: inline (`code`) and blocks (fenced, with the language when the page names it). */

export function inlineCode(el: Element, flow: Flow): void {
  const code = collapseWhitespace(textOf(el));
  if (code.trim() === "") {
    flow.text += code;
    return;
  }
  const longest = Math.max(0, ...(code.match(/`+/g) ?? []).map((run) => run.length));
  const fence = "`".repeat(longest + 1);
  const pad = code.startsWith("`") || code.endsWith("`") ? " " : "";
  flow.text += `${fence}${pad}${code}${pad}${fence}`;
}

export function pre(el: Element, flow: Flow): void {
  const code = textOf(el)
    .replace(/\r\n?/g, "\n")
    .replace(/^\n/, "")
    .replace(/[ \t]+$/gm, "")
    .replace(/\s+$/, "");
  if (code.trim() === "") return;
  const longest = Math.max(2, ...(code.match(/`{3,}/g) ?? []).map((run) => run.length));
  const fence = "`".repeat(longest + 1);
  const source = el.children.find((c): c is Element => c.type === "tag" && c.name === "code") ?? el;
  const language =
    /(?:^|\s)(?:language|lang)-([\w+-]+)/.exec(source.attribs.class ?? "")?.[1] ?? "";
  flow.block(`${fence}${language}\n${code}\n${fence}`);
}

/** The raw text of a subtree (for code), without scripts or styles. */
export function textOf(node: ChildNode): string {
  if (node.type === "text") return node.data;
  if (node.type !== "tag") return "";
  if (node.name === "br") return "\n";
  let text = "";
  for (const child of node.children) text += textOf(child);
  return text;
}
