import type { SentenceDiff } from "./diff";
import { handsOver, negated, offTopic } from "./rules/context";
import { BRANDS, RECIPIENT_RULES, type RecipientRule } from "./rules/recipients";
import type { Language, Sentence } from "./text";
import type { Finding } from "./types";

const LANGS: Language[] = ["en", "fr"];
const BRAND = new RegExp(`^(${BRANDS})$`);

interface Hit {
  rule: RecipientRule;
  /** Identity; branded groups carry the brand ("group:facebook"). */
  key: string;
  /** The words as the text writes them. */
  label: string;
  sentence: Sentence;
}

/** Case-preserving, Markdown-free copy of a sentence, to quote the recipient as written. */
const readable = (text: string) =>
  text
    .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/[*_`]+/g, "")
    .replace(/[’]/g, "'")
    .replace(/\s+/g, " ");

function hitsIn(sentence: Sentence, lang: Language): Hit[] {
  const hits: Hit[] = [];
  const plain = readable(sentence.text);
  for (const rule of RECIPIENT_RULES) {
    const m = rule[lang]
      .flatMap((re) => [...sentence.key.matchAll(new RegExp(re.source, "g"))])
      .find((x) => handsOver(sentence.key, x.index, x.index + x[0].length, lang));
    if (!m) continue;
    const brand =
      rule.key === "group:branded" ? (m.slice(1).find((g) => g && BRAND.test(g)) ?? "") : "";
    const key = brand ? `group:${brand}` : rule.key;
    const asWritten = new RegExp(
      m[0].replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/'/g, "['’]"),
      "i",
    ).exec(plain)?.[0];
    const label =
      rule.kind === "named_company"
        ? rule.key.slice("company:".length)
        : (asWritten ?? m[0]).trim();
    hits.push({ rule, key, label, sentence });
  }
  return hits;
}

/** Was this recipient named anywhere in the other version (any sense, either language)? */
function named(hit: Hit, normalizedDoc: string): boolean {
  if (hit.key.startsWith("group:") && hit.key !== "group:affiliates") {
    const brand = hit.key.slice("group:".length);
    if (new RegExp(`\\b${brand}\\b`).test(normalizedDoc)) return true;
  }
  const sameKey = RECIPIENT_RULES.filter((r) => r.key === hit.rule.key);
  return sameKey.some((r) => LANGS.some((l) => r[l].some((re) => re.test(normalizedDoc))));
}

function sharingSentence(sentence: Sentence, lang: Language): boolean {
  const key = sentence.key;
  if ((key.match(/\p{L}+/gu)?.length ?? 0) < 5) return false;
  return !negated(key, lang) && !offTopic(key, lang);
}

function changes(
  added: Sentence[],
  otherDocs: string[],
  lang: Language,
  kind: Finding["kind"],
): Finding[] {
  const found = new Map<string, Hit>();
  for (const sentence of added) {
    if (!sharingSentence(sentence, lang)) continue;
    for (const hit of hitsIn(sentence, lang)) {
      if (found.has(hit.key) || otherDocs.some((doc) => named(hit, doc))) continue;
      found.set(hit.key, hit);
    }
  }
  // "Facebook family of companies" already says "Facebook": no second finding for the company.
  for (const key of [...found.keys()]) {
    if (!key.startsWith("company:")) continue;
    const brand = key.slice("company:".length).toLowerCase();
    if (found.has(`group:${brand}`)) found.delete(key);
  }
  return [...found.values()].map((hit) => ({
    kind,
    recipient: hit.label,
    excerpt: hit.sentence.text,
  }));
}

/**
 * A recipient is added when a sentence new to this version shares data with it and the old
 * version never named it (in any role); removed, symmetrically. `earlier`: as for categories.
 */
export function detectRecipientChanges(
  diff: SentenceDiff,
  lang: Language,
  earlier: readonly string[] = [],
): Finding[] {
  return [
    ...changes(diff.added, [diff.oldKey, ...earlier], lang, "recipient_added"),
    ...changes(diff.removed, [diff.newKey], lang, "recipient_removed"),
  ];
}
