/**
 * npm run eval [-- --verbose] [-- --json]
 *
 * Runs analyzeChange over the labelled pairs (labels.json, rules in RULES.md) of
 * ../shared/corpus and prints: precision and recall of expansions at the pair level, F1 of
 * the added categories, exactness of deadline dates, and the share of noise pairs called
 * not substantive. Reading ../shared is allowed here (evaluation), never in the product.
 */
import { readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { explainChange } from "../index";
import type { Finding } from "../types";

interface Label {
  folder: string;
  old: string;
  new: string;
  language: string;
  manifest_flag: string | null;
  noise: boolean;
  substantive: boolean;
  expansion: boolean;
  added_categories: string[];
  added_recipients: string[];
  deadline: string | null;
  note: string;
}

interface Manifest {
  documents: Array<{ folder: string; versions: Array<{ file: string; date: string }> }>;
}

const here = dirname(fileURLToPath(import.meta.url));
const corpus = resolve(process.env.TERMTRAIL_CORPUS ?? join(here, "../../../../shared/corpus"));
const verbose = process.argv.includes("--verbose");
const asJson = process.argv.includes("--json");

const labels: Label[] = JSON.parse(readFileSync(join(here, "labels.json"), "utf8")).pairs;
const manifest: Manifest = JSON.parse(readFileSync(join(corpus, "manifest.json"), "utf8"));
const read = (folder: string, file: string) => readFileSync(join(corpus, folder, file), "utf8");

const ratio = (a: number, b: number) => (b === 0 ? Number.NaN : a / b);
const f1 = (p: number, r: number) => (p + r === 0 ? 0 : (2 * p * r) / (p + r));
const fmt = (x: number) => (Number.isNaN(x) ? "n/a" : x.toFixed(3));

interface Tally {
  tp: number;
  fp: number;
  fn: number;
}
const tally = (): Tally => ({ tp: 0, fp: 0, fn: 0 });

const expansion: Record<string, Tally> = { all: tally(), en: tally(), fr: tally() };
const categories = tally();
let deadlinePairs = 0;
let deadlineExact = 0;
let deadlineFalse = 0;
let noisePairs = 0;
let noiseCalled = 0;
let substantiveAgree = 0;
const disagreements: string[] = [];
const started = Date.now();

for (const label of labels) {
  const doc = manifest.documents.find((d) => d.folder === label.folder);
  const versions = doc?.versions ?? [];
  const oldIndex = versions.findIndex((v) => v.file === `${label.folder}/${label.old}`);
  const newVersion = versions.find((v) => v.file === `${label.folder}/${label.new}`);
  if (!doc || oldIndex < 0 || !newVersion)
    throw new Error(`pair not in manifest: ${label.folder} ${label.old} ${label.new}`);
  const history = versions
    .slice(0, oldIndex)
    .map((v) => readFileSync(join(corpus, v.file), "utf8"));
  const language = label.language === "en" || label.language === "fr" ? label.language : undefined;
  const result = explainChange(read(label.folder, label.old), read(label.folder, label.new), {
    referenceDate: new Date(`${newVersion.date}T12:00:00Z`),
    language,
    history,
  });

  const added = (kind: Finding["kind"]) => result.findings.filter((f) => f.kind === kind);
  const predictedExpansion =
    added("data_category_added").length + added("recipient_added").length > 0;
  const lang = language ?? "en";
  for (const t of [expansion.all, expansion[lang]]) {
    if (!t) continue;
    if (predictedExpansion && label.expansion) t.tp++;
    else if (predictedExpansion) t.fp++;
    else if (label.expansion) t.fn++;
  }

  const predictedCats = new Set<string>(added("data_category_added").map((f) => f.category ?? ""));
  const trueCats = new Set<string>(label.added_categories);
  for (const c of predictedCats) trueCats.has(c) ? categories.tp++ : categories.fp++;
  for (const c of trueCats) if (!predictedCats.has(c)) categories.fn++;

  const dates = added("consent_deadline").map((f) => f.date);
  if (label.deadline) {
    deadlinePairs++;
    if (dates.includes(label.deadline)) deadlineExact++;
  }
  deadlineFalse += dates.filter((d) => d !== label.deadline).length;

  if (label.noise) {
    noisePairs++;
    if (!result.substantive) noiseCalled++;
  }
  if (result.substantive === label.substantive) substantiveAgree++;

  const wrong =
    predictedExpansion !== label.expansion ||
    [...predictedCats].some((c) => !trueCats.has(c)) ||
    [...trueCats].some((c) => !predictedCats.has(c)) ||
    (label.noise && result.substantive) ||
    dates.some((d) => d !== label.deadline) ||
    (label.deadline !== null && !dates.includes(label.deadline));
  if (wrong || verbose) {
    const lines = [
      `${wrong ? "✗" : "✓"} ${label.folder} ${label.old} → ${label.new} [${label.language}${label.noise ? ", noise" : ""}]`,
      `    label: expansion=${label.expansion} cats=${label.added_categories.join(",") || "-"} deadline=${label.deadline ?? "-"} substantive=${label.substantive}`,
      `    got:   substantive=${result.substantive} (${result.reason})`,
      ...result.findings.map(
        (f) =>
          `      ${f.kind} ${f.category ?? f.recipient ?? f.date ?? ""}: ${f.excerpt.replace(/\s+/g, " ").slice(0, 160)}`,
      ),
    ];
    disagreements.push(lines.join("\n"));
  }
}

const p = (t: Tally) => ratio(t.tp, t.tp + t.fp);
const r = (t: Tally) => ratio(t.tp, t.tp + t.fn);
const figures = {
  pairs: labels.length,
  expansion: Object.fromEntries(
    Object.entries(expansion).map(([k, t]) => [k, { precision: p(t), recall: r(t), ...t }]),
  ),
  added_categories: {
    precision: p(categories),
    recall: r(categories),
    f1: f1(p(categories), r(categories)),
    ...categories,
  },
  deadlines: {
    pairs: deadlinePairs,
    exact: deadlineExact,
    exactness: ratio(deadlineExact, deadlinePairs),
    false_deadlines: deadlineFalse,
  },
  noise: {
    pairs: noisePairs,
    called_not_substantive: noiseCalled,
    share: ratio(noiseCalled, noisePairs),
  },
  substantive_agreement: ratio(substantiveAgree, labels.length),
  seconds: (Date.now() - started) / 1000,
};

if (asJson) {
  process.stdout.write(`${JSON.stringify(figures, null, 2)}\n`);
} else {
  if (disagreements.length > 0) process.stdout.write(`${disagreements.join("\n\n")}\n\n`);
  const e = figures.expansion;
  const row = (
    name: string,
    t: { precision: number; recall: number; tp: number; fp: number; fn: number },
  ) =>
    `  ${name.padEnd(4)} precision ${fmt(t.precision)}  recall ${fmt(t.recall)}  (tp ${t.tp}, fp ${t.fp}, fn ${t.fn})`;
  const c = figures.added_categories;
  process.stdout.write(
    [
      `Analyze evaluation: ${figures.pairs} labelled pairs (${figures.seconds.toFixed(1)} s)`,
      "Expansions (pair level), targets precision ≥ 0.90, recall ≥ 0.85:",
      ...(["all", "en", "fr"] as const).map((k) => row(k, e[k] as never)),
      `Added categories: precision ${fmt(c.precision)}  recall ${fmt(c.recall)}  F1 ${fmt(c.f1)}  (tp ${c.tp}, fp ${c.fp}, fn ${c.fn})`,
      `Deadlines: exact date on ${figures.deadlines.exact}/${figures.deadlines.pairs} labelled deadline(s) (${fmt(figures.deadlines.exactness)}); ${figures.deadlines.false_deadlines} deadline finding(s) where none is labelled`,
      `Noise recognised (called not substantive): ${figures.noise.called_not_substantive}/${figures.noise.pairs} = ${fmt(figures.noise.share)} (target ≥ 0.95)`,
      `Substantive verdict agrees with the label on ${fmt(figures.substantive_agreement)} of all pairs`,
      "",
    ].join("\n"),
  );
}
