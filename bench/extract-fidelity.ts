/**
 * Fidelity of an extraction against a reference Markdown (Open Terms Archive's), as a similarity
 * of their word sequences. Words are the letter/digit runs of the normalised text, so Markdown
 * dialect (setext vs ATX headings, `*` vs `-` bullets, escapes) does not count, while every word
 * of text, link targets included, does, in order.
 */
import { diffArrays } from "diff";
import { normaliseText } from "../scrapers/extract";

const words = (markdown: string): string[] =>
  normaliseText(markdown).match(/[\p{L}\p{N}]+/gu) ?? [];

/** Multiset F1 of the words: the fallback when the sequences differ too much to diff cheaply. */
function bagF1(a: string[], b: string[]): number {
  const counts = new Map<string, number>();
  for (const w of a) counts.set(w, (counts.get(w) ?? 0) + 1);
  let common = 0;
  for (const w of b) {
    const n = counts.get(w) ?? 0;
    if (n > 0) {
      common++;
      counts.set(w, n - 1);
    }
  }
  return a.length + b.length === 0 ? 1 : (2 * common) / (a.length + b.length);
}

/** 2 × (words in common, in order) / (words in both): 1 means the same text word for word. */
export function similarity(actual: string, expected: string): number {
  const a = words(actual);
  const b = words(expected);
  if (a.length + b.length === 0) return 1;
  const changes = diffArrays(a, b, { maxEditLength: 20_000 });
  if (changes === undefined) return bagF1(a, b);
  let common = 0;
  for (const change of changes) if (!change.added && !change.removed) common += change.count ?? 0;
  return (2 * common) / (a.length + b.length);
}

export type FidelityStats = {
  /** Captures with a reference that were extracted, and so compared. */
  compared: number;
  mean: number;
  min: number;
  atLeast95: number;
  worst: { id: string; ratio: number }[];
  /** Captures with a reference that failed to extract (not counted in the figures above). */
  failed: string[];
};

export function fidelityStats(
  scores: { id: string; ratio: number }[],
  failed: string[] = [],
): FidelityStats {
  const r = (n: number) => Math.round(n * 1000) / 1000;
  const sorted = [...scores].sort((x, y) => x.ratio - y.ratio || x.id.localeCompare(y.id));
  const total = scores.reduce((sum, s) => sum + s.ratio, 0);
  return {
    compared: scores.length,
    mean: scores.length === 0 ? 0 : r(total / scores.length),
    min: r(sorted[0]?.ratio ?? 0),
    atLeast95: scores.filter((s) => s.ratio >= 0.95).length,
    worst: sorted.slice(0, 5).map((s) => ({ id: s.id, ratio: r(s.ratio) })),
    failed,
  };
}
