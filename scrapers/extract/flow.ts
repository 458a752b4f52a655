import { escapeLineStarts } from "./text";

/** What the walk needs to know about where it is. */
export type Context = {
  /** Base for relative links; none means links are kept as written. */
  base: URL | undefined;
  /** Inside a heading, link or table cell: no blocks, only text with line breaks. */
  inline: boolean;
  link: boolean;
  strong: boolean;
  em: boolean;
};

/**
 * A run of Markdown blocks being written. Inline content accumulates in `text` (whitespace
 * already collapsed per text node, "\n" for line breaks) until a block boundary flushes it as a
 * paragraph. Blocks are separated by a blank line, except that in a list item (`tight`) a list
 * directly follows the paragraph it belongs to.
 */
export class Flow {
  text = "";
  /** Counts paragraph flushes, so inline wrappers can tell a block interrupted them. */
  breaks = 0;
  private out = "";
  private afterParagraph = false;

  constructor(private readonly tight = false) {}

  flush(): void {
    if (this.text === "") return;
    const paragraph = tidyInline(this.text);
    this.text = "";
    this.breaks++;
    if (paragraph !== "") this.push(escapeLineStarts(paragraph), false);
  }

  block(markdown: string, isList = false): void {
    this.flush();
    this.breaks++;
    this.push(markdown, isList);
  }

  finish(): string {
    this.flush();
    return this.out;
  }

  private push(markdown: string, isList: boolean): void {
    if (this.out !== "") this.out += this.tight && isList && this.afterParagraph ? "\n" : "\n\n";
    this.out += markdown;
    this.afterParagraph = !isList;
  }
}

/** Joins text nodes' spacing: one space at most, none around line breaks, at most one blank
 * line (two <br>), nothing at either end. */
export const tidyInline = (text: string): string =>
  text
    .replace(/ {2,}/g, " ")
    .replace(/ ?\n ?/g, "\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
