/**
 * npm run scrape -- [--platform SLUG] [--document TYPE] [--declarations DIR]
 * Archives the declared documents now, one line of progress each, then a summary.
 * Exits non-zero when a declaration or a document failed.
 */
import { parseArgs } from "node:util";
import { connect } from "@/db/client";
import { runMigrations } from "@/db/migrate";
import { afterChangeAnalysis } from "../analysis-hook";
import {
  DEFAULT_DECLARATIONS_DIR,
  formatDeclarationError,
  loadDeclarations,
} from "../declarations/load";
import { closeBrowser } from "../fetch";
import { type ArchiveResult, archiveDocument } from "../record";
import { type DeclaredDocument, syncDeclarations } from "../sources";

const USAGE = "Usage: npm run scrape -- [--platform SLUG] [--document TYPE] [--declarations DIR]";

async function main(): Promise<number> {
  let args: ReturnType<typeof parse>;
  try {
    args = parse();
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  const { values } = args;
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const dir = values.declarations ?? DEFAULT_DECLARATIONS_DIR;
  const { platforms, errors } = await loadDeclarations(dir);
  for (const error of errors) console.error(`✗ declaration ${formatDeclarationError(error)}`);

  const wanted = platforms
    .filter((p) => !values.platform || p.slug === values.platform)
    .map((p) => ({
      ...p,
      documents: p.documents.filter(
        (d) => !values.document || d.typeSlug === values.document || d.type === values.document,
      ),
    }))
    .filter((p) => p.documents.length > 0);
  if (wanted.length === 0) {
    console.error(
      `Nothing to scrape in ${dir}${values.platform ? ` for platform "${values.platform}"` : ""}` +
        `${values.document ? ` and document "${values.document}"` : ""}.`,
    );
    return errors.length > 0 || values.platform || values.document ? 1 : 0;
  }

  const connection = await connect();
  const hostDelayMs = process.env.TERMTRAIL_HOST_DELAY_MS
    ? Number(process.env.TERMTRAIL_HOST_DELAY_MS)
    : undefined;
  try {
    await runMigrations(connection.db);
    const declared = (await syncDeclarations(connection.db, wanted)).filter(
      (d) => d.document.enabled,
    );
    const results: Array<{ doc: DeclaredDocument; result: ArchiveResult }> = [];
    let done = 0;
    // Documents on different hosts fetch in parallel; the fetch layer keeps one per host.
    await mapLimit(declared, 4, async (doc) => {
      const result = await archiveDocument(
        connection.db,
        {
          documentId: doc.document.id,
          url: doc.document.url ?? "",
          fetcher: doc.document.fetcher as "http",
          executeClientScripts: doc.document.executeClientScripts,
          select: doc.document.select,
          remove: doc.document.remove,
        },
        { trigger: "cli", fetchOptions: { hostDelayMs }, afterChange: afterChangeAnalysis },
      );
      done++;
      results.push({ doc, result });
      console.log(`[${done}/${declared.length}] ${label(doc)}: ${describeResult(result)}`);
    });
    printSummary(results, errors.length);
    return results.some((r) => r.result.status === "failed") || errors.length > 0 ? 1 : 0;
  } finally {
    await closeBrowser();
    await connection.close();
  }
}

function parse() {
  return parseArgs({
    options: {
      platform: { type: "string" },
      document: { type: "string" },
      declarations: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
    strict: true,
  });
}

const label = (doc: DeclaredDocument) => `${doc.platformSlug} / ${doc.document.type}`;

function describeResult(result: ArchiveResult): string {
  const time = `${(result.durationMs / 1000).toFixed(1)}s`;
  if (result.status === "failed" && result.error) {
    return `FAILED (${result.error.errorClass}/${result.error.code}) ${result.error.message} [${time}]`;
  }
  return `${result.status === "new_version" ? "new version" : "unchanged"} [${time}]`;
}

function printSummary(
  results: Array<{ doc: DeclaredDocument; result: ArchiveResult }>,
  declarationErrors: number,
) {
  const failed = results.filter((r) => r.result.status === "failed");
  const fetched = results.length - failed.length;
  const unchanged = results.filter((r) => r.result.status === "unchanged").length;
  const fresh = results.filter((r) => r.result.status === "new_version").length;
  console.log(
    `\nSummary: ${fetched} fetched, ${unchanged} unchanged, ${fresh} new version(s), ` +
      `${failed.length} failed${declarationErrors ? `, ${declarationErrors} declaration error(s)` : ""}.`,
  );
  for (const { doc, result } of failed) {
    console.log(
      `  ✗ ${label(doc)}: ${result.error?.errorClass}/${result.error?.code}: ${result.error?.message}`,
    );
  }
}

async function mapLimit<T>(items: T[], limit: number, work: (item: T) => Promise<void>) {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next++] as T;
      await work(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(`Scrape stopped: ${(error as Error).message}`);
    process.exit(1);
  },
);
