import { compile, selectAll, selectOne } from "css-select";
import type { AnyNode, ChildNode, Document, Element, ParentNode } from "domhandler";
import { Element as ElementNode } from "domhandler";
import { ScrapeError } from "../errors";

/**
 * Open Terms Archive's declaration form: a CSS selector, or a range of the document between two
 * markers (each a CSS selector; its first match counts). `startBefore`/`endAfter` include the
 * marker element in the range, `startAfter`/`endBefore` exclude it.
 */
export type RangeSelector = {
  startBefore?: string;
  startAfter?: string;
  endBefore?: string;
  endAfter?: string;
};
export type Selector = string | RangeSelector;
export type Selectors = Selector | Selector[];

type Query = ReturnType<typeof compile<AnyNode, Element>>;

// Declarations reuse a handful of selectors over thousands of captures: compile each once.
const compiled = new Map<string, Query>();

function query(selector: string): Query {
  let q = compiled.get(selector);
  if (q === undefined) {
    try {
      q = compile<AnyNode, Element>(selector);
    } catch (error) {
      throw new ScrapeError(
        "extraction",
        "invalid_selector",
        `Invalid CSS selector "${selector}"`,
        {
          cause: error,
        },
      );
    }
    if (compiled.size > 1000) compiled.clear();
    compiled.set(selector, q);
  }
  return q;
}

export const findAll = (selector: string, root: ParentNode): Element[] =>
  selectAll<AnyNode, Element>(query(selector), root);

export const findFirst = (selector: string, root: ParentNode): Element | null =>
  selectOne<AnyNode, Element>(query(selector), root);

export const toList = (selectors: Selectors | undefined): Selector[] =>
  selectors === undefined ? [] : Array.isArray(selectors) ? selectors : [selectors];

export const showSelector = (selector: Selector): string =>
  typeof selector === "string" ? `"${selector}"` : JSON.stringify(selector);

/**
 * A boundary point of a DOM range, written as the child-index path from the document root:
 * [i0, i1, ..., offset] means "in the node reached by children[i0].children[i1]..., before its
 * child number `offset`". Boundary points then compare lexicographically (a prefix comes first).
 */
type Path = number[];

function pathTo(node: AnyNode): Path {
  const path: Path = [];
  for (let n: AnyNode = node; n.parent !== null; n = n.parent) {
    path.push(n.parent.children.indexOf(n as ChildNode));
  }
  return path.reverse();
}

function compare(a: Path, b: Path): number {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const d = (a[i] as number) - (b[i] as number);
    if (d !== 0) return d;
  }
  return a.length - b.length;
}

type Range = { start: Path; end: Path };

function resolveRange(document: Document, range: RangeSelector, role: string): Range {
  const startSelector = range.startBefore ?? range.startAfter;
  const endSelector = range.endBefore ?? range.endAfter;
  if (startSelector === undefined || endSelector === undefined) {
    throw new ScrapeError(
      "extraction",
      "invalid_selector",
      `The ${role} range ${showSelector(range)} needs a start (startBefore or startAfter) and an end (endBefore or endAfter)`,
    );
  }
  const startNode = findFirst(startSelector, document);
  const endNode = findFirst(endSelector, document);
  for (const [which, node, selector] of [
    ["start", startNode, startSelector],
    ["end", endNode, endSelector],
  ] as const) {
    if (node === null) {
      throw new ScrapeError(
        "extraction",
        "selector_no_match",
        `The ${which} selector "${selector}" of the ${role} range ${showSelector(range)} matches nothing`,
      );
    }
  }
  const start = pathTo(startNode as Element);
  const end = pathTo(endNode as Element);
  // "After" a node is the boundary just past it in its parent.
  if (range.startBefore === undefined) start[start.length - 1] = (start.at(-1) as number) + 1;
  if (range.endBefore === undefined) end[end.length - 1] = (end.at(-1) as number) + 1;
  return { start, end };
}

/**
 * Walks the parts of `parent` (at `path`) that lie inside `range`, calling `whole` for each child
 * entirely inside and `partial` for each child that straddles a boundary (an ancestor of a
 * marker), like the DOM's Range.cloneContents/deleteContents do.
 */
function visitRange(
  parent: ParentNode,
  path: Path,
  range: Range,
  whole: (node: ChildNode) => void,
  partial: (node: ParentNode, path: Path) => void,
): void {
  const { children } = parent;
  for (let i = 0; i < children.length; i++) {
    const before = [...path, i];
    const after = [...path, i + 1];
    if (compare(after, range.start) <= 0) continue;
    if (compare(before, range.end) >= 0) break;
    const child = children[i] as ChildNode;
    if (compare(before, range.start) >= 0 && compare(after, range.end) <= 0) whole(child);
    else if ("children" in child) partial(child, before);
  }
}

/** A read-only copy of the range's content: fully contained nodes are shared, not copied, and
 * partially contained ancestors become shallow copies holding only their contained part. */
function rangeContents(document: Document, range: Range): ChildNode[] {
  const out: ChildNode[] = [];
  const collect = (parent: ParentNode, path: Path, into: ChildNode[]): void =>
    visitRange(
      parent,
      path,
      range,
      (node) => into.push(node),
      (node, nodePath) => {
        const children: ChildNode[] = [];
        collect(node, nodePath, children);
        into.push(
          node instanceof ElementNode
            ? new ElementNode(node.name, node.attribs, children, node.type)
            : new ElementNode("div", {}, children),
        );
      },
    );
  collect(document, [], out);
  return out;
}

function rangeNodesToDelete(document: Document, range: Range): ChildNode[] {
  const out: ChildNode[] = [];
  const collect = (parent: ParentNode, path: Path): void =>
    visitRange(parent, path, range, (node) => out.push(node), collect);
  collect(document, []);
  return out;
}

function detach(node: ChildNode): void {
  const { parent } = node;
  if (parent === null) return;
  const index = parent.children.indexOf(node);
  if (index >= 0) parent.children.splice(index, 1);
  if (node.prev) node.prev.next = node.next;
  if (node.next) node.next.prev = node.prev;
  node.parent = node.prev = node.next = null;
}

/**
 * Removes the `remove` selectors' content in place, as Open Terms Archive does: ranges are
 * resolved first, then CSS matches are removed, then the ranges' content.
 */
export function applyRemove(document: Document, selectors: Selectors | undefined): void {
  const list = toList(selectors);
  if (list.length === 0) return;
  const doomed: ChildNode[] = [];
  const rangeNodes: ChildNode[][] = [];
  for (const selector of list) {
    if (typeof selector === "string") doomed.push(...findAll(selector, document));
    else rangeNodes.push(rangeNodesToDelete(document, resolveRange(document, selector, "remove")));
  }
  for (const node of doomed) detach(node);
  for (const nodes of rangeNodes) for (const node of nodes) detach(node);
}

/**
 * The nodes to render for the `select` selectors, in declaration order. An element matched twice,
 * or inside an element already selected, is kept once (OTA would repeat its text). Throws
 * `selector_no_match` when nothing at all matches, or when a range's marker is missing.
 */
export function applySelect(document: Document, selectors: Selectors | undefined): ChildNode[] {
  const list = toList(selectors);
  if (list.length === 0) {
    const body = findFirst("body", document);
    return body === null ? document.children : [body];
  }
  const picked: ChildNode[] = [];
  const seen = new Set<AnyNode>();
  const emptyRanges: string[] = [];
  const isInsideSeen = (node: AnyNode) => {
    for (let n: AnyNode | null = node; n !== null; n = n.parent) if (seen.has(n)) return true;
    return false;
  };
  for (const selector of list) {
    if (typeof selector === "string") {
      for (const element of findAll(selector, document)) {
        if (isInsideSeen(element)) continue;
        seen.add(element);
        picked.push(element);
      }
    } else {
      const range = resolveRange(document, selector, "select");
      // As in the DOM, an end before the start collapses the range: it selects nothing.
      if (compare(range.start, range.end) >= 0) emptyRanges.push(showSelector(selector));
      else picked.push(...rangeContents(document, range));
    }
  }
  if (picked.length === 0) {
    const empty = (range: string) => `the range ${range} is empty: its end comes before its start`;
    const reasons = list.map((selector) =>
      emptyRanges.includes(showSelector(selector))
        ? empty(showSelector(selector))
        : showSelector(selector),
    );
    const only = list[0];
    throw new ScrapeError(
      "extraction",
      "selector_no_match",
      list.length > 1
        ? `None of the select selectors matches anything in the page: ${reasons.join(", ")}`
        : typeof only === "string"
          ? `The select selector ${showSelector(only)} matches nothing in the page`
          : `The select ${reasons[0]}`,
    );
  }
  return picked;
}
