/**
 * The extraction benchmark's corpus: `../shared/bench/ota-demo-snapshots.tar.gz`, captures of
 * Open Terms Archive's demo collection, licensed ODC-BY 1.0, © "Open Terms Archive Core Team and
 * Open Terms Archive contributors" (the pages themselves remain their publishers' copyright).
 * Unpacked once into `.bench/` (gitignored) and reused.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Selectors } from "../scrapers/extract";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const TARBALL = path.resolve(ROOT, "../shared/bench/ota-demo-snapshots.tar.gz");
const BENCH_DIR = path.join(ROOT, ".bench");
const DATA_DIR = path.join(BENCH_DIR, "ota-demo-snapshots");
export type ManifestEntry = {
  id: string;
  serviceId: string;
  termsType: string;
  html: string;
  expected?: string;
  select: Selectors;
  remove?: Selectors;
};

export type Capture = ManifestEntry & { content: string; bytes: number; url: string | undefined };

/** The documents' fetch URLs (Open Terms Archive demo declarations), to resolve relative links
 * the way Open Terms Archive did. */
const DOCUMENT_URLS: Record<string, string> = {
  "Brevo/Privacy Policy": "https://www.brevo.com/legal/privacypolicy/",
  "Buffer/Copyright Claims Policy": "https://buffer.com/legal",
  "Buffer/Developer Terms": "https://buffer.com/legal",
  "Buffer/Privacy Policy": "https://buffer.com/legal",
  "Buffer/Terms of Service": "https://buffer.com/legal",
  "GitHub/Copyright Claims Policy":
    "https://docs.github.com/en/site-policy/content-removal-policies/dmca-takedown-policy",
  "GitHub/Privacy Policy":
    "https://docs.github.com/en/site-policy/privacy-policies/github-privacy-statement",
  "GitHub/Terms of Service":
    "https://docs.github.com/en/site-policy/github-terms/github-terms-of-service",
  "Open Collective/Privacy Policy": "https://opencollective.com/privacypolicy",
  "Open Collective/Terms of Service": "https://opencollective.com/tos",
  "Open Terms Archive/Accessibility Statement": "https://opentermsarchive.org/en/accessibility/",
  "Open Terms Archive/Brand Guidelines": "https://opentermsarchive.org/en/brand-guidelines/",
  "Open Terms Archive/Imprint": "https://opentermsarchive.org/en/legal-notice",
  "Open Terms Archive/Privacy Policy": "https://opentermsarchive.org/en/privacy-policy",
  "UptimeRobot/Privacy Policy": "https://uptimerobot.com/privacy/",
  "UptimeRobot/Terms of Service": "https://uptimerobot.com/terms/",
  "npm Public Registry/Copyright Claims Policy": "https://docs.npmjs.com/policies/dmca",
  "npm Public Registry/Privacy Policy": "https://docs.npmjs.com/policies/privacy",
  "npm Public Registry/Terms of Service": "https://docs.npmjs.com/policies/open-source-terms",
};

/** Unpacks the tarball into .bench/ unless already there (into a temporary folder first, so an
 * interrupted or concurrent unpack never leaves a half-filled corpus behind). */
export function ensureCorpus(): string {
  if (existsSync(path.join(DATA_DIR, "manifest.json"))) return DATA_DIR;
  if (!existsSync(TARBALL)) throw new Error(`Benchmark data not found: ${TARBALL}`);
  const staging = path.join(BENCH_DIR, `.unpack-${process.pid}`);
  mkdirSync(staging, { recursive: true });
  try {
    execFileSync("tar", ["-xzf", TARBALL, "-C", staging], { stdio: "inherit" });
    if (!existsSync(path.join(DATA_DIR, "manifest.json"))) {
      rmSync(DATA_DIR, { recursive: true, force: true });
      renameSync(path.join(staging, "ota-demo-snapshots"), DATA_DIR);
    }
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
  return DATA_DIR;
}

export function loadCaptures(dir: string): Capture[] {
  const manifest = JSON.parse(
    readFileSync(path.join(dir, "manifest.json"), "utf8"),
  ) as ManifestEntry[];
  return manifest.map((entry) => {
    const buffer = readFileSync(path.join(dir, entry.html));
    return {
      ...entry,
      content: buffer.toString("utf8"),
      bytes: buffer.length,
      url: DOCUMENT_URLS[`${entry.serviceId}/${entry.termsType}`],
    };
  });
}
