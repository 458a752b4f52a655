import * as chrono from "chrono-node";
import type { SentenceDiff } from "./diff";
import type { Language, Sentence } from "./text";
import type { Finding } from "./types";

/**
 * Acceptance deadlines: a date by which users must accept (or act if they refuse), told apart
 * from a plain "effective" or "last updated" date. Dates are parsed with chrono-node in the
 * document's language, the version's date as the reference ("8 février" → the next 8 February).
 */

/** Wording that asks users to accept, or says what happens if they do not. */
const STRONG_CUE: Record<Language, RegExp> = {
  en: /\b(tap(ping)? "?agree"?|by (tapping|clicking|selecting) "?(agree|accept)|(must|need to|have to|required to|asked to) (\w+ ){0,2}(accept|agree|review and accept)|(do not|don't) (wish to |want to )?(accept|agree)|continu(e|es|ed|ing) (\w+ ){0,2}(to )?us(e|ing) (\w+ ){0,3}(you )?(accept|agree)|by continuing to use|to (keep|continue) using|(won't|will not|will no longer|no longer) be able to (use|access)|must (close|delete|cancel) (your|their)|stop using)\b/,
  fr: /\b(en appuyant sur "?accepter|(vous )?(devez|devrez|devrait|devriez) (\w+ ){0,2}(accepter|fermer|supprimer)|si vous (n'acceptez pas|refusez)|en continuant (à|d') ?utiliser|pour continuer (à|d') ?utiliser|ne (pourrez|pourront|pourra) plus (utiliser|accéder)|sans quoi)\b/,
};

/** Weaker wording, enough only inside the dated sentence itself. */
const WEAK_CUE: Record<Language, RegExp> = {
  en: /\b(accept(s|ed|ing|ance)?|agree(s|d|ing|ment to)?|consent)\b/,
  fr: /\b(accept\w*|consent\w*|d'accord)\b/,
};

/** Dates that only say when a text was written or applies. */
const HISTORY_DATE: Record<Language, RegExp> = {
  en: /\b(last (updated|modified|revised|changed)|effective (as of|as from|date)|date effective|dated|updated (on|as of)|went into effect|came into effect|since)\b/,
  fr: /\b(dernière mise à jour|mis(e|es)? à jour le|date effective|en vigueur depuis|depuis le|date de la dernière)\b/,
};

/** A calendar date written out ("8 February", "February 8, 2021", "08/02/2021"), not "one day". */
const ABSOLUTE: Record<Language, RegExp> = {
  en: /\d{1,2}(st|nd|rd|th)? (of )?(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)|(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? \d{1,2}\b|\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}/,
  fr: /\d{1,2}(er)? (janv|févr|fevr|mars|avr|mai|juin|juil|août|aout|sept|oct|nov|déc|dec)|\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}/,
};

const DAY_MS = 86_400_000;

const pad = (n: number) => String(n).padStart(2, "0");

function firstDate(sentence: Sentence, lang: Language, referenceDate: Date): string | undefined {
  const parser = lang === "fr" ? chrono.fr : chrono.en;
  for (const result of parser.parse(sentence.key, referenceDate, { forwardDate: true })) {
    const start = result.start;
    if (!start.isCertain("day") || !start.isCertain("month") || !ABSOLUTE[lang].test(result.text))
      continue;
    const year = start.get("year");
    const month = start.get("month");
    const day = start.get("day");
    if (year === null || month === null || day === null) continue;
    const at = Date.UTC(year, month - 1, day);
    // A deadline lies ahead of the version (a little slack for late captures).
    if (at < referenceDate.getTime() - 45 * DAY_MS || at > referenceDate.getTime() + 730 * DAY_MS)
      continue;
    return `${year}-${pad(month)}-${pad(day)}`;
  }
  return undefined;
}

export function detectDeadlines(
  diff: SentenceDiff,
  lang: Language,
  referenceDate: Date,
): Finding[] {
  const addedKeys = new Set(diff.added.map((s) => s.key));
  const all = diff.newSentences;
  const findings: Finding[] = [];
  const dates = new Set<string>();
  all.forEach((sentence, i) => {
    if (!addedKeys.has(sentence.key)) return;
    if (HISTORY_DATE[lang].test(sentence.key) && !STRONG_CUE[lang].test(sentence.key)) return;
    const neighbours = [all[i - 1], all[i + 1]].filter(
      (s): s is Sentence => s !== undefined && s.block === sentence.block,
    );
    const asked =
      STRONG_CUE[lang].test(sentence.key) ||
      WEAK_CUE[lang].test(sentence.key) ||
      neighbours.some((s) => STRONG_CUE[lang].test(s.key));
    if (!asked) return;
    const date = firstDate(sentence, lang, referenceDate);
    if (!date || dates.has(date)) return;
    dates.add(date);
    findings.push({ kind: "consent_deadline", date, excerpt: sentence.text });
  });
  return findings;
}
