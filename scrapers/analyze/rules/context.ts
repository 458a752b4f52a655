import type { Language } from "../text";

/**
 * Sentence-level context rules, run on normalised sentences. A category or recipient only
 * counts when the sentence says something is collected, accessed, used or shared; a denial
 * ("we do not collect…") or a content licence ("you grant us a licence to your photos")
 * does not count.
 */

/** The service collects, receives, accesses, stores, uses or processes data. */
export const COLLECTION: Record<Language, RegExp> = {
  en: /\b(collect\w*|receiv\w*|obtain\w*|gather\w*|access\w*|us(e|es|ed|ing)|process\w*|stor(e|es|ed|ing)|shar(e|es|ed|ing)|disclos\w*|provid\w*|transfer\w*|upload\w*|import\w*|scan\w*|sync\w*|record\w*|log(s|ged|ging)?|track\w*|captur\w*|infer\w*|read(s|ing)?|analy[sz]\w*|includ\w*|request\w*|ask\w*|permission|information|data)\b/,
  fr: /\b(collect\w*|recueill\w*|recueil|obten\w*|obtien\w*|accéd\w*|accès|utilis\w*|trait\w*|conserv\w*|stock\w*|partag\w*|communiqu\w*|transm\w*|transf[eé]r\w*|fourni\w*|import\w*|enregistr\w*|synchronis\w*|analys\w*|inclu\w*|demand\w*|autoris\w*|données|informations)\b/,
};

/** A verb that hands data to someone; the recipient follows it ("share … with X", "disclose … to X"). */
const HANDOVER: Record<Language, RegExp> = {
  en: /\b(shar(e|es|ed|ing)|disclos\w*|sell(s|ing)?|sold|transfer\w*|provid(e|es|ed|ing)|make(s)? available|made available|pass(es|ed)?|giv(e|es|en|ing) (\w+ )?access|transmit\w*|send(s|ing)?|sent)\b/g,
  fr: /\b(partag\w*|communiqu\w*|divulgu\w*|vend\w*|transm\w*|transf[eé]r\w*|fourni\w*|mett\w* à (la )?disposition|mis\w* à (la )?disposition|envo\w*)\b/g,
};

/** The recipient acts on the data itself ("advertisers may use cookies", "les annonceurs reçoivent"). */
const ACTS: Record<Language, RegExp> = {
  en: /^\s*(\([^)]*\))?[\s,)]*((who|which|that|they)\s+)?((may|will|can|could|might|also|then|in turn|would)\s+){0,2}(use|collect|receive|access|place|set|track|process)(s)?\b/,
  fr: /^\s*(\([^)]*\))?[\s,)]*((qui|lesquels|ils|elles)\s+)?((peuvent|peut|pourront|pourrait|également|aussi)\s+){0,2}(utilis\w*|collect\w*|recueill\w*|reç\w*|recev\w*|accèd\w*|dépos\w*|trait\w*)\b/,
};

/**
 * Does the sentence give data to the recipient mentioned at [start, end)? Either a handover
 * verb comes shortly before it ("we share … with advertising partners"), or the recipient is
 * the one acting on data ("advertisers may use…").
 */
export function handsOver(key: string, start: number, end: number, lang: Language): boolean {
  const re = new RegExp(HANDOVER[lang].source, "g");
  for (const m of key.matchAll(re)) {
    const verbEnd = (m.index ?? 0) + m[0].length;
    const between = key.slice(verbEnd, start);
    if (
      verbEnd <= start &&
      between.length <= 110 &&
      TOWARD[lang].test(`${between} `) &&
      !CLAUSE_BREAK[lang].test(between)
    )
      return true;
  }
  const after = key.slice(end, end + 90);
  return ACTS[lang].test(after) || BACK_REFERENCE[lang].test(after);
}

/** The recipient is introduced as such: "… with X", "… to X". */
const TOWARD: Record<Language, RegExp> = {
  en: /\b(with|to)\s/,
  fr: /\b(avec|à|aux|auprès)\s/,
};

/** A new clause between the verb and the recipient: the verb is about something else. */
const CLAUSE_BREAK: Record<Language, RegExp> = {
  en: /[;:]|\b(if|when|unless|because|or if|whether|where|which)\b|, (or|and) (you|we)\b/,
  fr: /[;:]|\b(si|lorsque|quand|sauf|parce|où|dont)\b|, (ou|et) (vous|nous)\b/,
};

/** "…a mobile provider, we share some information with them". */
const BACK_REFERENCE: Record<Language, RegExp> = {
  en: /^[^.;]{0,40}\b(share|shares|disclose|discloses|provide|provides)\b[^.;]{0,40}\b(with|to),? (them|it|that|this|those|such)\b/,
  fr: /^[^.;]{0,30}\bnous (\w+ ){0,2}(partageons|communiquons|transmettons|fournissons)\b[^.;]{0,40}\b(leur|lui|avec eux|avec elles?)\b/,
};

/** A plain denial with no exception. */
const NEGATION: Record<Language, RegExp> = {
  en: /\b(do|does|will|shall|would|did) not (\w+ ){0,2}(collect|access|use|share|store|receive|process|sell|disclose|scan|import|track|retain|keep)|\b(don't|doesn't|won't|never) (\w+ ){0,2}(collect|access|use|share|store|receive|process|sell|disclose|scan|import|track|retain|keep)|\bis not (collected|shared|stored)|\bare not (collected|shared|stored)|\bno (longer )?(collect|access)/,
  fr: /\bne (\w+ )?(collectons|recueillons|partageons|utilisons|conservons|traitons|vendons|accédons|communiquons|transmettons|stockons|sont|est)( \w+)? (pas|jamais|plus)\b|\bn'(utilisons|accédons|est|sont)( \w+)? (pas|jamais|plus)\b/,
};

const EXCEPTION: Record<Language, RegExp> = {
  en: /\b(unless|without (first )?(getting|obtaining|your|asking)|except|until|other than|only (if|when|with)|if you (choose|allow|give|enable|decide))\b/,
  fr: /\b(sans (votre|obtenir|avoir)|sauf|à moins|uniquement si|seulement si|si vous (choisissez|autorisez|acceptez|activez|décidez))\b/,
};

/** Content licences, liability and warranty clauses, navigation. */
const OFF_TOPIC: Record<Language, RegExp> = {
  en: /\b(licen[cs]e (to|in)|intellectual property|copyright|royalty-free|sublicensable|warrant(y|ies)|liabilit(y|ies)|indemnif\w*|you (may not|must not|agree not to) (upload|post|use)|arbitrat\w*|disputes?|notices? (of dispute|must)|opt-out notice)\b/,
  fr: /\b(licence (non exclusive|mondiale|sur)|propriété intellectuelle|droits? d'auteur|garanties?|responsabilité|sous-licenciable|libre de redevances|arbitrage|litiges?|réclamations?)\b/,
};

export function negated(key: string, lang: Language): boolean {
  return NEGATION[lang].test(key) && !EXCEPTION[lang].test(key);
}

export function offTopic(key: string, lang: Language): boolean {
  return OFF_TOPIC[lang].test(key);
}

/** Short navigation items, headings and link lists say nothing about data practices. */
export function tooShort(key: string): boolean {
  return (key.match(/\p{L}+/gu)?.length ?? 0) < 5;
}
