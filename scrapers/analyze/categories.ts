import type { SentenceDiff } from "./diff";
import { CATEGORY_RULES, type CategoryRule } from "./rules/categories";
import { COLLECTION, negated, offTopic } from "./rules/context";
import type { Language, Sentence } from "./text";
import type { Finding } from "./types";

const LANGS: Language[] = ["en", "fr"];

/** Does any pattern of the rule (in either language) occur anywhere in this normalised text? */
function mentioned(rule: CategoryRule, normalizedDoc: string): boolean {
  return LANGS.some((lang) => rule[lang].some((re) => re.test(normalizedDoc)));
}

/** A sentence that says data of this category is collected, accessed, used or shared. */
function supports(rule: CategoryRule, sentence: Sentence, lang: Language): boolean {
  const key = sentence.key;
  if (!rule[lang].some((re) => re.test(key))) return false;
  if ((key.match(/\p{L}+/gu)?.length ?? 0) < 3) return false;
  if (!COLLECTION[lang].test(key)) return false;
  if (negated(key, lang) || offTopic(key, lang)) return false;
  return true;
}

/** The clearest supporting sentence: a verb of collection beats a bare list item. */
function best(candidates: Sentence[], lang: Language): Sentence | undefined {
  const verb =
    lang === "en"
      ? /\b(we|spotify|it|they) (\w+ ){0,3}(collect|receive|access|use|shar|process|stor|obtain|gather|scan|import)/
      : /\bnous (\w+ ){0,3}(collect|recueill|accéd|utilis|partag|trait|conserv|obten)/;
  const short = candidates.filter((s) => s.text.length <= 1200);
  return short.find((s) => verb.test(s.key)) ?? short[0] ?? candidates[0];
}

/**
 * A category is added when a sentence new to this version supports it and the old version
 * never mentions it at all, in any sense; removed, symmetrically. Mentions elsewhere in the
 * old version (even in passing) block the finding: a wrong finding costs more than a missed one.
 * `earlier` (normalised texts of the versions just before the old one) guards against a capture
 * that missed part of the page: a category they mention is not new either.
 */
export function detectCategoryChanges(
  diff: SentenceDiff,
  lang: Language,
  earlier: readonly string[] = [],
): Finding[] {
  const findings: Finding[] = [];
  for (const rule of CATEGORY_RULES) {
    if (!mentioned(rule, diff.oldKey) && !earlier.some((doc) => mentioned(rule, doc))) {
      const support = best(
        diff.added.filter((s) => supports(rule, s, lang)),
        lang,
      );
      if (support)
        findings.push({ kind: "data_category_added", category: rule.slug, excerpt: support.text });
    }
    if (!mentioned(rule, diff.newKey)) {
      const support = best(
        diff.removed.filter((s) => supports(rule, s, lang)),
        lang,
      );
      if (support)
        findings.push({
          kind: "data_category_removed",
          category: rule.slug,
          excerpt: support.text,
        });
    }
  }
  return findings;
}
