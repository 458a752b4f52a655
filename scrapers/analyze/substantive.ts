import { bagDelta, bagOf, type Hunk, type SentenceDiff } from "./diff";
import { languageShare, normalize, type Sentence, splitSentences, words } from "./text";

/**
 * Is the change substantive at all? Formatting, navigation, reordering, re-extraction, a
 * capture that is not the document, a page in another language and a variant flapping back
 * to an earlier text are not. Each rule returns the reason, so a reviewer can see why.
 */
export interface SubstanceVerdict {
  substantive: boolean;
  reason: string;
}

/** Fewer changed words than this, once noise is set aside, is not a change of meaning. */
const MIN_CHANGED_WORDS = 4;
/** Two sentences this similar (letters only) differ by a typo or a spelling fix. */
const TYPO_DISTANCE = 3;

const countWords = (text: string) => words(normalize(text)).length;

/** Dates of writing or application ("Last updated…", "Effective as of…"): not a change of terms. */
const DATE_LINE =
  /\b(last (updated|modified|revised)|effective (as of|as from|date|on)|updated (on|as of)|date effective|dernière mise à jour|mis(e|es)? à jour( le)?|date de la dernière|en vigueur (le|depuis)|dated)\b/;

/** Share of a raw sentence's letters that sit inside Markdown link texts. */
function linkShare(raw: string): number {
  const letters = (s: string) => s.match(/\p{L}/gu)?.length ?? 0;
  const all = letters(raw.replace(/\]\([^)]*\)/g, "]"));
  if (all === 0) return 1;
  let inLinks = 0;
  for (const m of raw.matchAll(/\[([^\]]*)\]\([^)]*\)/g)) inLinks += letters(m[1] ?? "");
  return inLinks / all;
}

/** Headings, menu items, link lists and date lines carry no terms. */
export function isNavigationOrDate(sentence: Sentence): boolean {
  const n = words(sentence.key).length;
  if (n < 4) return true;
  // Headings written as questions ("What information do we collect?") are structure.
  if (n <= 10 && /\?\s*$/.test(sentence.key)) return true;
  if (linkShare(sentence.text) > 0.6) return true;
  return n < 20 && DATE_LINE.test(sentence.key);
}

function letters(key: string): string {
  return words(key).join(" ");
}

/** Edit distance, capped: we only need to know whether it is small. */
function distanceAtMost(a: string, b: string, cap: number): boolean {
  if (Math.abs(a.length - b.length) > cap) return false;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(
        (prev[j] ?? 0) + 1,
        (cur[j - 1] ?? 0) + 1,
        (prev[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
      cur.push(v);
      rowMin = Math.min(rowMin, v);
    }
    if (rowMin > cap) return false;
    prev = cur;
  }
  return (prev[b.length] ?? cap + 1) <= cap;
}

function wordDelta(removed: Sentence[], added: Sentence[]): number {
  const delta = bagDelta(
    bagOf(removed.flatMap((s) => words(s.key))),
    bagOf(added.flatMap((s) => words(s.key))),
  );
  return delta.plusCount + delta.minusCount;
}

/**
 * Words that changed within one hunk, once navigation, dates and typo fixes are set aside.
 * The unfiltered count is kept when smaller: a line split differently ("Inc., 45 W." / "Inc.,"
 * + "45 W.") must not count as a change because one half is too short to be kept.
 */
function changedWords(hunk: Hunk): number {
  let removed = hunk.removed.filter((s) => !isNavigationOrDate(s));
  let added = hunk.added.filter((s) => !isNavigationOrDate(s));
  // Pairs that differ by a typo (or only by numbers) cancel out.
  const fixed = new Set<Sentence>();
  for (const r of removed) {
    const lr = letters(r.key);
    const match = added.find(
      (a) => !fixed.has(a) && distanceAtMost(lr, letters(a.key), TYPO_DISTANCE),
    );
    if (match) {
      fixed.add(match);
      fixed.add(r);
    }
  }
  removed = removed.filter((s) => !fixed.has(s));
  added = added.filter((s) => !fixed.has(s));
  return Math.min(wordDelta(removed, added), wordDelta(hunk.removed, hunk.added));
}

/** Sentence-set similarity of two versions (Jaccard over normalised sentences). */
function similarity(a: Set<string>, b: Set<string>): number {
  let shared = 0;
  for (const k of a) if (b.has(k)) shared++;
  const union = a.size + b.size - shared;
  return union === 0 ? 1 : shared / union;
}

/**
 * Variants alternating: the new text is near-identical to an earlier version and further from
 * the previous one, or much closer to an earlier version than to the previous one. A real
 * revision moves away from every earlier text; it does not come back to one of them.
 */
const FLAP_SIMILARITY = 0.97;
const FLAP_MARGIN = 0.05;
const FLAP_CLOSER_SIMILARITY = 0.8;
const FLAP_CLOSER_MARGIN = 0.15;

function flapsBack(diff: SentenceDiff, newText: string, history: readonly string[]): boolean {
  const newLetters = letters(diff.newKey);
  const newSet = new Set(diff.newSentences.map((s) => s.key));
  const toOld = similarity(newSet, new Set(diff.oldSentences.map((s) => s.key)));
  return history.some((h) => {
    if (h === newText) return true;
    const sentences = splitSentences(h);
    if (letters(sentences.map((x) => x.key).join("\n")) === newLetters) return true;
    const sim = similarity(newSet, new Set(sentences.map((x) => x.key)));
    return (
      (sim >= FLAP_SIMILARITY && sim - toOld >= FLAP_MARGIN) ||
      (sim >= FLAP_CLOSER_SIMILARITY && sim - toOld >= FLAP_CLOSER_MARGIN)
    );
  });
}

/** Every word of the change already occurs on the other side: a repeated or re-rendered text. */
function onlyRepeats(diff: SentenceDiff): boolean {
  const oldTypes = new Set(words(diff.oldKey));
  const newTypes = new Set(words(diff.newKey));
  const gained = diff.added.some((s) => words(s.key).some((w) => !oldTypes.has(w)));
  const lost = diff.removed.some((s) => words(s.key).some((w) => !newTypes.has(w)));
  const delta = bagDelta(bagOf(words(diff.oldKey)), bagOf(words(diff.newKey)));
  const oneWay =
    Math.min(delta.plusCount, delta.minusCount) <=
    0.02 * Math.max(delta.plusCount, delta.minusCount);
  return !gained && !lost && oneWay;
}

export function judgeSubstance(
  oldText: string,
  newText: string,
  diff: SentenceDiff,
  history: readonly string[] = [],
): SubstanceVerdict {
  if (diff.added.length === 0 && diff.removed.length === 0) {
    return { substantive: false, reason: "same sentences: formatting, markup or order only" };
  }

  if (history.length > 0 && flapsBack(diff, newText, history)) {
    return {
      substantive: false,
      reason: "the text returns to (nearly) an earlier version: variants flapping",
    };
  }

  const oldWords = countWords(oldText);
  const newWords = countWords(newText);
  const small = Math.min(oldWords, newWords);
  if (small < 400 && small < 0.2 * Math.max(oldWords, newWords)) {
    return {
      substantive: false,
      reason: "one version is far shorter: an error page or a menu, not the document",
    };
  }

  const oldLang = languageShare(oldText);
  const newLang = languageShare(newText);
  if (oldLang.language !== newLang.language && oldLang.count >= 50 && newLang.count >= 50) {
    return {
      substantive: false,
      reason: `the page switched language (${oldLang.language} → ${newLang.language})`,
    };
  }

  if (onlyRepeats(diff)) {
    return {
      substantive: false,
      reason: "no new wording: the text is repeated or rendered differently",
    };
  }

  const changed = diff.hunks.reduce((sum, hunk) => sum + changedWords(hunk), 0);
  if (changed < MIN_CHANGED_WORDS) {
    return {
      substantive: false,
      reason: "only dates, numbers, typos, links or navigation changed",
    };
  }
  return { substantive: true, reason: `${changed} words of terms changed` };
}
