/**
 * First-run seed: the shipped declarations and the archived history of the seed platforms.
 * Runs once per database (remembered in app_meta), so later edits by maintainers stay.
 */
import type { Db } from "../client";
import { getMeta, setMeta } from "../queries/meta";
import { DEFAULT_DECLARATIONS_DIR, formatDeclarationError, loadDeclarations } from "@/scrapers/declarations/load";
import { afterChangeAnalysis } from "@/scrapers/analysis-hook";
import { openPackedCorpus } from "@/scrapers/import/corpus";
import { importCorpus } from "@/scrapers/import/importer";
import { syncDeclarations } from "@/scrapers/sources";
import { seedInvestigations } from "./investigations";
import { SEED_CORPUS_FILE } from "./paths";

const SEED_KEY = "seed:v1";

export async function seedIfNeeded(db: Db, log: (line: string) => void = console.log): Promise<boolean> {
  if (await getMeta(db, SEED_KEY)) return false;
  log("First run: seeding declarations and the archived history of the seed platforms…");
  const { platforms, errors } = await loadDeclarations(DEFAULT_DECLARATIONS_DIR);
  for (const error of errors) log(`  ✗ declaration ${formatDeclarationError(error)}`);
  const declared = await syncDeclarations(db, platforms);
  log(`  ${declared.length} declared documents on ${platforms.length} platforms`);

  const started = performance.now();
  const report = await importCorpus(db, await openPackedCorpus(SEED_CORPUS_FILE), {
    afterChange: afterChangeAnalysis,
  });
  const seconds = (performance.now() - started) / 1000;
  log(
    `  ${report.versionsAdded} archived versions of ${report.documents} documents imported in ` +
      `${seconds.toFixed(1)}s (${Math.round(report.versionsAdded / seconds)} versions/s)`,
  );
  for (const error of report.errors) log(`  ✗ ${error.file}: ${error.message}`);
  const curated = await seedInvestigations(db);
  log(`  ${curated} curated events and cases from public reporting, with their citations`);
  await setMeta(db, SEED_KEY, { seededAt: new Date().toISOString(), versions: report.versionsAdded });
  return true;
}
