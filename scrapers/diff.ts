import { diffArrays } from "diff";
import type { Passage } from "@/db/schema";

export interface ChangeSummary {
  passages: Passage[];
  addedPassages: number;
  removedPassages: number;
  addedWords: number;
  removedWords: number;
}

const countWords = (text: string) => text.match(/\S+/g)?.length ?? 0;

/** Paragraphs are the unit of a passage: Markdown lines that hold text. */
function paragraphs(markdown: string): string[] {
  return markdown
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
}

/**
 * The added and removed passages between two versions, in document order.
 * A paragraph that merely moved shows up as removed and added; detectors decide
 * whether that is substantive.
 */
export function diffVersions(previous: string, next: string): ChangeSummary {
  const parts = diffArrays(paragraphs(previous), paragraphs(next));
  const passages: Passage[] = [];
  for (const part of parts) {
    if (!part.added && !part.removed) continue;
    const type = part.added ? "added" : "removed";
    for (const text of part.value) passages.push({ type, text });
  }
  let addedWords = 0;
  let removedWords = 0;
  for (const passage of passages) {
    if (passage.type === "added") addedWords += countWords(passage.text);
    else removedWords += countWords(passage.text);
  }
  return {
    passages,
    addedPassages: passages.filter((p) => p.type === "added").length,
    removedPassages: passages.filter((p) => p.type === "removed").length,
    addedWords,
    removedWords,
  };
}

export { countWords };
