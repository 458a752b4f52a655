import { diffArrays } from "diff";
import { type Sentence, splitSentences, words } from "./text";

/** One region where the versions differ: what went out, what came in. */
export interface Hunk {
  removed: Sentence[];
  added: Sentence[];
}

export interface SentenceDiff {
  oldSentences: Sentence[];
  newSentences: Sentence[];
  /** New sentences whose normalised text appears nowhere in the old version (moves excluded). */
  added: Sentence[];
  /** Old sentences whose normalised text appears nowhere in the new version. */
  removed: Sentence[];
  /** Added/removed sentences grouped by where they sit, in document order. */
  hunks: Hunk[];
  /** The whole old / new version, normalised, one sentence per line. */
  oldKey: string;
  newKey: string;
}

export function diffSentences(oldText: string, newText: string): SentenceDiff {
  const oldSentences = splitSentences(oldText);
  const newSentences = splitSentences(newText);
  const oldKeys = new Set(oldSentences.map((s) => s.key));
  const newKeys = new Set(newSentences.map((s) => s.key));
  const added = newSentences.filter((s) => !oldKeys.has(s.key));
  const removed = oldSentences.filter((s) => !newKeys.has(s.key));

  const hunks: Hunk[] = [];
  let oi = 0;
  let ni = 0;
  let open: Hunk | null = null;
  const parts = diffArrays(
    oldSentences.map((s) => s.key),
    newSentences.map((s) => s.key),
  );
  for (const part of parts) {
    const count = part.count ?? part.value.length;
    if (!part.added && !part.removed) {
      oi += count;
      ni += count;
      open = null;
      continue;
    }
    if (!open) {
      open = { removed: [], added: [] };
      hunks.push(open);
    }
    if (part.removed) {
      for (const s of oldSentences.slice(oi, oi + count))
        if (!newKeys.has(s.key)) open.removed.push(s);
      oi += count;
    } else {
      for (const s of newSentences.slice(ni, ni + count))
        if (!oldKeys.has(s.key)) open.added.push(s);
      ni += count;
    }
  }

  return {
    oldSentences,
    newSentences,
    added,
    removed,
    hunks: hunks.filter((h) => h.added.length > 0 || h.removed.length > 0),
    oldKey: oldSentences.map((s) => s.key).join("\n"),
    newKey: newSentences.map((s) => s.key).join("\n"),
  };
}

export type Bag = Map<string, number>;

export function bagOf(list: string[]): Bag {
  const bag: Bag = new Map();
  for (const w of list) bag.set(w, (bag.get(w) ?? 0) + 1);
  return bag;
}

/** Word counts that grew (plus) and shrank (minus) from one bag of words to the other. */
export function bagDelta(
  before: Bag,
  after: Bag,
): { plus: Bag; minus: Bag; plusCount: number; minusCount: number } {
  const plus: Bag = new Map();
  const minus: Bag = new Map();
  let plusCount = 0;
  let minusCount = 0;
  for (const [w, c] of after) {
    const d = c - (before.get(w) ?? 0);
    if (d > 0) {
      plus.set(w, d);
      plusCount += d;
    }
  }
  for (const [w, c] of before) {
    const d = c - (after.get(w) ?? 0);
    if (d > 0) {
      minus.set(w, d);
      minusCount += d;
    }
  }
  return { plus, minus, plusCount, minusCount };
}

export const sentenceWords = (sentences: Sentence[]): string[] =>
  sentences.flatMap((s) => words(s.key));
