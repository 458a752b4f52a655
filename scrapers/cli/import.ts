/**
 * npm run import -- DIR [--platform SLUG ...]
 * Records the versions of a corpus folder (shared/corpus layout, with manifest.json) under
 * their original dates. Importing twice adds nothing.
 */
import { parseArgs } from "node:util";
import { connect } from "@/db/client";
import { runMigrations } from "@/db/migrate";
import { afterChangeAnalysis } from "../analysis-hook";
import { openCorpusDir } from "../import/corpus";
import { importCorpus } from "../import/importer";

const USAGE = "Usage: npm run import -- DIR [--platform SLUG]...";

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    options: {
      platform: { type: "string", multiple: true },
      help: { type: "boolean", short: "h" },
    },
    allowPositionals: true,
  });
  if (values.help || positionals.length !== 1) {
    console.error(USAGE);
    return values.help ? 0 : 2;
  }
  const source = await openCorpusDir(positionals[0] as string);
  const connection = await connect();
  try {
    await runMigrations(connection.db);
    const started = performance.now();
    const total = source.manifest.documents.length;
    let seen = 0;
    const report = await importCorpus(connection.db, source, {
      platforms: values.platform,
      afterChange: afterChangeAnalysis,
      onDocument: (doc, r) => {
        seen++;
        console.log(`[${seen}/${total}] ${doc.folder}: ${r.versionsAdded} new version(s) so far`);
      },
    });
    const seconds = (performance.now() - started) / 1000;
    console.log(
      `\nImported ${report.versionsAdded} version(s) and ${report.changesAdded} change(s) from ` +
        `${report.documents} document(s) in ${seconds.toFixed(1)}s ` +
        `(${(report.versionsAdded / Math.max(seconds, 0.001)).toFixed(0)} versions/s). ` +
        `Already there: ${report.alreadyImported}; same text as the version before: ` +
        `${report.unchangedText}; flagged not the document: ${report.skippedNotTheDocument}.`,
    );
    for (const error of report.errors) console.error(`  ✗ ${error.file}: ${error.message}`);
    return report.errors.length > 0 ? 1 : 0;
  } finally {
    await connection.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(`Import stopped: ${(error as Error).message}`);
    process.exit(1);
  },
);
