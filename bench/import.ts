/**
 * npm run bench -- import: the corpus import (../shared/corpus, 1,047 versions) in versions per
 * second, into a fresh database, next to a baseline of plain inserts of the same texts.
 */
import { createHash } from "node:crypto";
import path from "node:path";
import { sql } from "drizzle-orm";
import { upsertDocument, upsertPlatform } from "@/db/queries/archive";
import { versions } from "@/db/schema";
import { afterChangeAnalysis } from "@/scrapers/analysis-hook";
import { openCorpusDir } from "@/scrapers/import/corpus";
import { importCorpus } from "@/scrapers/import/importer";
import { scratchDatabase } from "./scratch-db";

const CORPUS = path.resolve(import.meta.dirname, "../../shared/corpus");

export async function benchImport(args: string[]) {
  const source = await openCorpusDir(CORPUS);
  const scratch = await scratchDatabase();
  try {
    // Baseline: the same texts inserted as rows, with no diff, no hashing of normalised text.
    const texts: string[] = [];
    for (const doc of source.manifest.documents) {
      for (const v of doc.versions) texts.push(await source.readText(v.file));
    }
    const platform = await upsertPlatform(scratch.db, { slug: "baseline", name: "Baseline" });
    const doc = await upsertDocument(scratch.db, {
      platformId: platform.id,
      key: "baseline",
      type: "Baseline",
      typeSlug: "baseline",
    });
    let started = performance.now();
    await scratch.db.transaction(async (tx) => {
      let seq = 0;
      for (const text of texts) {
        await tx.insert(versions).values({
          documentId: doc.id,
          seq: ++seq,
          capturedAt: new Date(),
          textHash: createHash("sha256").update(text).digest("hex"),
          markdown: text,
          wordCount: 0,
        });
      }
    });
    const baselineSeconds = (performance.now() - started) / 1000;
    await scratch.db.execute(sql`delete from versions`);

    started = performance.now();
    const report = await importCorpus(scratch.db, source, { afterChange: afterChangeAnalysis });
    const seconds = (performance.now() - started) / 1000;
    const rate = report.versionsAdded / seconds;
    const figures = {
      versionsAdded: report.versionsAdded,
      changesAdded: report.changesAdded,
      documents: report.documents,
      seconds: Number(seconds.toFixed(2)),
      versionsPerSecond: Number(rate.toFixed(1)),
      baselinePlainInsertsPerSecond: Number((texts.length / baselineSeconds).toFixed(1)),
      errors: report.errors.length,
    };
    if (args.includes("--json")) console.log(JSON.stringify(figures));
    else {
      console.log(
        `import: ${figures.versionsAdded} versions (${figures.changesAdded} changes, ${figures.documents} documents) ` +
          `in ${figures.seconds}s → ${figures.versionsPerSecond} versions/s ` +
          `(baseline, plain inserts of the same texts: ${figures.baselinePlainInsertsPerSecond}/s)`,
      );
    }
  } finally {
    await scratch.drop();
  }
}
