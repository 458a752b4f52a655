import { detectCategoryChanges } from "./categories";
import { detectDeadlines } from "./deadlines";
import { diffSentences } from "./diff";
import { detectRecipientChanges } from "./recipients";
import { judgeSubstance } from "./substantive";
import { detectLanguage, splitSentences } from "./text";
import type { AnalyzeOptions, AnalyzeResult, Finding } from "./types";

export { htmlToText } from "./html";
export {
  CATEGORY_SLUGS,
  type CategorySlug,
  DATA_CATEGORIES,
  type DataCategory,
  RECIPIENT_KIND_LABELS,
  RECIPIENT_KINDS,
  type RecipientKind,
} from "./taxonomy";
export { detectLanguage, type Language } from "./text";
export type { AnalyzeOptions, AnalyzeResult, Finding, FindingKind } from "./types";

const ORDER: Record<Finding["kind"], number> = {
  consent_deadline: 0,
  recipient_added: 1,
  data_category_added: 2,
  recipient_removed: 3,
  data_category_removed: 4,
};

/** Versions before the old one that also count as "already said" (flaky captures). */
const RECENT_VERSIONS = 2;
const PARTIAL_CAPTURE = 0.8;

function run(
  oldText: string,
  newText: string,
  options: AnalyzeOptions,
): AnalyzeResult & { reason: string } {
  const diff = diffSentences(oldText, newText);
  const verdict = judgeSubstance(oldText, newText, diff, options.history);
  if (!verdict.substantive) return { substantive: false, findings: [], reason: verdict.reason };
  const language = options.language ?? detectLanguage(newText);
  // A version before the old one that is much longer suggests the old capture missed part of
  // the page: what it says does not count as new either.
  const earlier = (options.history ?? [])
    .slice(-RECENT_VERSIONS)
    .map((h) =>
      splitSentences(h)
        .map((s) => s.key)
        .join("\n"),
    )
    .filter((key) => diff.oldKey.length < PARTIAL_CAPTURE * key.length);
  const findings = [
    ...detectDeadlines(diff, language, options.referenceDate),
    ...detectRecipientChanges(diff, language, earlier),
    ...detectCategoryChanges(diff, language, earlier),
  ].sort((a, b) => ORDER[a.kind] - ORDER[b.kind]);
  return { substantive: true, findings, reason: verdict.reason };
}

/**
 * Compares two versions of a document and returns what changed that a reader of the terms
 * should know: data categories and recipients added or removed, acceptance deadlines, and
 * whether the change is substantive at all. Pure and offline; every finding quotes the exact
 * passage that supports it. A change judged not substantive yields no findings.
 */
export function analyzeChange(
  oldText: string,
  newText: string,
  options: AnalyzeOptions,
): AnalyzeResult {
  const { substantive, findings } = run(oldText, newText, options);
  return { substantive, findings };
}

/** analyzeChange plus the reason behind the substantive verdict (for reviewers and the eval). */
export function explainChange(
  oldText: string,
  newText: string,
  options: AnalyzeOptions,
): AnalyzeResult & { reason: string } {
  return run(oldText, newText, options);
}
