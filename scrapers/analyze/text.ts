/**
 * Sentences with their exact place in the input, plus a normalised key to compare them by.
 *
 * Findings quote `text.slice(start, end)`, so an excerpt is always a verbatim passage of the
 * version it comes from. Keys ignore what re-extraction changes: Markdown marks, link targets,
 * HTML tags and entities, quote styles, case and spacing.
 */

export type Language = "en" | "fr";

export interface Sentence {
  /** Verbatim passage of the input (trimmed of list bullets and heading marks). */
  text: string;
  start: number;
  end: number;
  /** Normalised form used for comparison and matching. */
  key: string;
  /** Index of the paragraph / list item / table row the sentence belongs to. */
  block: number;
}

const ENTITIES: Record<string, string> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  nbsp: " ",
  rsquo: "'",
  lsquo: "'",
  ldquo: '"',
  rdquo: '"',
  hellip: "...",
  ndash: "-",
  mdash: "-",
};

/** Markdown / HTML / typography → plain lowercase text with single spaces. */
export function normalize(raw: string): string {
  return raw
    .replace(/!\[[^\]]*\]\([^)]*\)/g, " ") // images
    .replace(/\[([^\]]*)\]\((?:[^()]|\([^)]*\))*\)/g, "$1") // links: keep the words
    .replace(/\]\([^)]*\)/g, " ") // a link whose opening bracket lies in another sentence
    .replace(/<br\s*\/?>/gi, " ")
    .replace(/<[^>]+>/g, " ")
    .replace(/&(#x?[0-9a-f]+|[a-z]+);?/gi, (m, name: string) => {
      if (name.startsWith("#")) {
        const code =
          name[1] === "x" || name[1] === "X"
            ? Number.parseInt(name.slice(2), 16)
            : Number(name.slice(1));
        return Number.isFinite(code) ? String.fromCodePoint(code) : m;
      }
      return ENTITIES[name.toLowerCase()] ?? m;
    })
    .replace(/https?:\/\/\S+|www\.\S+/gi, " ")
    .replace(/[‘’`´]/g, "'")
    .replace(/[“”«»„]/g, '"')
    .replace(/[\u00a0\u2007\u202f]/g, " ")
    .replace(/[*_#>|\\~=]+/g, " ")
    .replace(/^[\s\-–•·]*(?:\d{1,3}[.)]\s+)?/, "")
    .replace(/\s+/g, " ")
    .trim()
    .toLowerCase();
}

/** Letters-only words of a normalised text, for word-level comparisons. */
export function words(normalized: string): string[] {
  return normalized.match(/\p{L}[\p{L}'-]*/gu) ?? [];
}

const ABBREVIATIONS = new Set(
  [
    "e.g",
    "i.e",
    "etc",
    "inc",
    "ltd",
    "co",
    "corp",
    "no",
    "nos",
    "vs",
    "mr",
    "mrs",
    "ms",
    "dr",
    "st",
    "art",
    "p",
    "cf",
    "approx",
    "dept",
    "u.s",
    "u.k",
    "s.a",
    "ex",
    "env",
    "av",
    "fig",
    "sect",
  ].map((a) => a.toLowerCase()),
);

/** Block boundaries: lines that start a list item, a heading, a table row or a rule. */
const BLOCK_START = /^\s*(?:[*+-]\s|\d{1,3}[.)]\s|#{1,6}\s|\||>|[=-]{3,}\s*$)/;

interface Block {
  start: number;
  end: number;
}

function blocks(text: string): Block[] {
  const out: Block[] = [];
  const lineRe = /[^\n]*(?:\n|$)/g;
  let current: Block | null = null;
  let lastLine = "";
  let blankBetween = false;
  for (let m = lineRe.exec(text); m && m[0] !== ""; m = lineRe.exec(text)) {
    const start = m.index;
    const line = m[0].replace(/\r?\n$/, "");
    const end = start + line.length;
    if (line.trim() === "") {
      blankBetween = true;
      continue;
    }
    // A hard-wrapped paragraph (PDF or plain-text sources) continues on the next line.
    const continues =
      current !== null &&
      !BLOCK_START.test(line) &&
      lastLine.trim().length > 50 &&
      !/[.!?:;)\]|"”»]\s*$/.test(lastLine) &&
      (!blankBetween || /^\s*[a-zà-ÿ(,]/.test(line) || lastLine.trim().length > 90);
    if (continues && current) current.end = end;
    else {
      current = { start, end };
      out.push(current);
    }
    lastLine = line;
    blankBetween = false;
  }
  return out;
}

/** Sentence ends: terminal punctuation followed by space and a plausible sentence start. */
const BOUNDARY = /([.!?])(["'”’»)\]*_]*)(\s+)(?=["'“‘«([*_]*[\p{Lu}\d¿¡])|(<br\s*\/?>)+|\s\|\s/gu;

function splitBlock(text: string, block: Block, index: number, out: Sentence[]): void {
  const body = text.slice(block.start, block.end);
  let from = 0;
  const push = (to: number) => {
    const raw = body.slice(from, to);
    const lead = raw.match(/^[\s|>*+\-•·]*(?:#{1,6}\s+|\d{1,3}[.)]\s+)?/)?.[0].length ?? 0;
    const trimmed = raw.slice(lead).replace(/[\s|]+$/, "");
    const key = normalize(trimmed);
    if (key.length > 0 && /\p{L}/u.test(key)) {
      const start = block.start + from + lead;
      out.push({ text: trimmed, start, end: start + trimmed.length, key, block: index });
    }
  };
  BOUNDARY.lastIndex = 0;
  for (let m = BOUNDARY.exec(body); m; m = BOUNDARY.exec(body)) {
    if (m[1]) {
      const before = body.slice(Math.max(0, m.index - 12), m.index).toLowerCase();
      const word = before.match(/([\p{L}.]+)$/u)?.[1] ?? "";
      if (ABBREVIATIONS.has(word) || /^\p{L}$/u.test(word) || /(^|\.)\p{L}\.\p{L}$/u.test(word))
        continue;
      const cut = m.index + 1 + (m[2]?.length ?? 0);
      push(cut);
      from = cut + (m[3]?.length ?? 0);
    } else {
      push(m.index);
      from = m.index + m[0].length;
    }
  }
  push(body.length);
}

/** Splits a Markdown or plain-text document into sentences with exact offsets. */
export function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  blocks(text).forEach((block, index) => {
    splitBlock(text, block, index, out);
  });
  return out;
}

const EN_WORDS = /\b(the|and|you|your|we|of|to|is|with|that|for)\b/g;
const FR_WORDS = /\b(le|la|les|vous|nous|des|et|est|pour|dans|une|du)\b/g;

/** English or French, by counting frequent function words. */
export function detectLanguage(text: string): Language {
  const lower = text.slice(0, 200_000).toLowerCase();
  const en = lower.match(EN_WORDS)?.length ?? 0;
  const fr = lower.match(FR_WORDS)?.length ?? 0;
  return fr > en ? "fr" : "en";
}

/** How sure the language guess is: share of the winning language's function words. */
export function languageShare(text: string): { language: Language; share: number; count: number } {
  const lower = text.slice(0, 200_000).toLowerCase();
  const en = lower.match(EN_WORDS)?.length ?? 0;
  const fr = lower.match(FR_WORDS)?.length ?? 0;
  const total = en + fr;
  const language: Language = fr > en ? "fr" : "en";
  return { language, share: total === 0 ? 0 : Math.max(en, fr) / total, count: total };
}
