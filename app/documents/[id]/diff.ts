/**
 * The diff between two versions, by paragraph first (the unit of a passage), then by word inside
 * each pair of changed paragraphs, so that a sentence edited in place shows only its new words.
 */
import { diffArrays, diffWordsWithSpace } from "diff";

export interface Segment {
  text: string;
  kind: "same" | "add" | "del";
}

export type DiffRow =
  | { type: "same"; text: string }
  | { type: "gap"; count: number }
  | { type: "change"; left: Segment[] | null; right: Segment[] | null; rightText: string | null };

const paragraphs = (markdown: string) =>
  markdown
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l.length > 0);

const MAX_WORD_DIFF = 20_000;

function pair(left: string | undefined, right: string | undefined): DiffRow {
  if (left !== undefined && right !== undefined) {
    if (left.length + right.length > MAX_WORD_DIFF) {
      return {
        type: "change",
        left: [{ text: left, kind: "del" }],
        right: [{ text: right, kind: "add" }],
        rightText: right,
      };
    }
    const parts = diffWordsWithSpace(left, right);
    const common = parts
      .filter((p) => !p.added && !p.removed)
      .reduce((n, p) => n + p.value.length, 0);
    // Mostly rewritten: show as a removed and an added paragraph rather than confetti.
    if (common < 0.3 * Math.max(left.length, right.length)) {
      return {
        type: "change",
        left: [{ text: left, kind: "del" }],
        right: [{ text: right, kind: "add" }],
        rightText: right,
      };
    }
    return {
      type: "change",
      left: parts
        .filter((p) => !p.added)
        .map((p) => ({ text: p.value, kind: p.removed ? "del" : "same" })),
      right: parts
        .filter((p) => !p.removed)
        .map((p) => ({ text: p.value, kind: p.added ? "add" : "same" })),
      rightText: right,
    };
  }
  if (left !== undefined)
    return { type: "change", left: [{ text: left, kind: "del" }], right: null, rightText: null };
  return {
    type: "change",
    left: null,
    right: [{ text: right as string, kind: "add" }],
    rightText: right as string,
  };
}

/** Rows of the diff, with unchanged stretches folded to `context` paragraphs around changes. */
export function diffRows(previous: string, next: string, context = 1): DiffRow[] {
  const parts = diffArrays(paragraphs(previous), paragraphs(next));
  const rows: DiffRow[] = [];
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i];
    if (!part) continue;
    if (!part.added && !part.removed) {
      const lines = part.value;
      const first = i === 0;
      const last = i === parts.length - 1;
      const head = first ? [] : lines.slice(0, context);
      const tail = last ? [] : lines.slice(Math.max(head.length, lines.length - context));
      const hidden = lines.length - head.length - tail.length;
      for (const text of head) rows.push({ type: "same", text });
      if (hidden > 0) rows.push({ type: "gap", count: hidden });
      for (const text of tail) rows.push({ type: "same", text });
      continue;
    }
    if (part.removed) {
      const next = parts[i + 1];
      const added = next?.added ? next.value : [];
      if (next?.added) i++;
      const n = Math.max(part.value.length, added.length);
      for (let k = 0; k < n; k++) rows.push(pair(part.value[k], added[k]));
      continue;
    }
    for (const text of part.value) rows.push(pair(undefined, text));
  }
  return rows;
}

const norm = (s: string) =>
  s
    .replace(/[*_`#>\\[\]()]/g, "")
    .replace(/\s+/g, " ")
    .trim()
    .toLowerCase();

/** Whether a passage (a finding's excerpt) is in a paragraph, tolerant of Markdown and spacing. */
export function passageIn(paragraph: string, excerpt: string): boolean {
  const p = norm(paragraph);
  const e = norm(excerpt);
  if (!p || !e) return false;
  if (p.includes(e) || (p.length > 40 && e.includes(p))) return true;
  const probe = e.slice(0, 60);
  return probe.length >= 30 && p.includes(probe);
}
