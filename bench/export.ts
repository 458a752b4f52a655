/**
 * npm run bench -- export [--rows N] [--json]: the CSV export of a synthetic million-row
 * dataset (fetch runs, with quotes, commas, newlines, non-Latin text and formula payloads in
 * their error messages), in rows per second, next to PostgreSQL's own
 * `COPY (SELECT …) TO STDOUT WITH CSV` of the same SELECT, in the same run; and the export's
 * peak RSS (sampled while it runs).
 */
import postgres from "postgres";
import {
  DATASETS,
  datasetPage,
  exportStream,
  parseDatasetQuery,
  selectSql,
} from "@/db/queries/datasets";
import { scratchDatabase } from "./scratch-db";

async function drain(stream: AsyncIterable<Uint8Array> | ReadableStream<Uint8Array>) {
  let bytes = 0;
  for await (const chunk of stream as AsyncIterable<Uint8Array>) bytes += chunk.length;
  return bytes;
}

export async function benchExport(args: string[]) {
  const rowsArg = args.indexOf("--rows");
  const rows = rowsArg >= 0 ? Number(args[rowsArg + 1]) : 1_000_000;
  const dataset = DATASETS.runs;
  if (!dataset) throw new Error("no runs dataset");
  const scratch = await scratchDatabase();
  try {
    const seedStart = performance.now();
    await scratch.sql`insert into platforms (slug, name) values ('bench', 'Bench')`;
    await scratch.sql`insert into documents (platform_id, key, type, type_slug)
      select p.id, 'bench/doc-' || g, 'Privacy Policy', 'privacy-policy'
      from platforms p, generate_series(1, 20) g`;
    await scratch.sql.unsafe(`
      insert into fetch_runs (document_id, status, trigger, started_at, finished_at, duration_ms,
        http_status, final_url, error_class, error_code, error_message, extracted_words)
      select d.id,
        (array['unchanged','new_version','failed'])[1 + g % 3],
        'schedule',
        timestamptz '2020-01-01' + g * interval '1 minute',
        timestamptz '2020-01-01' + g * interval '1 minute' + interval '2 seconds',
        500 + g % 4000,
        case when g % 3 = 2 then 503 else 200 end,
        'https://example.org/legal/privacy?page=' || g,
        case when g % 3 = 2 then 'transient' end,
        case when g % 3 = 2 then 'HTTP_503' end,
        case g % 5
          when 0 then 'timeout, after "30s"' || chr(10) || 'retrying'
          when 1 then '=HYPERLINK("http://x")'
          when 2 then 'Ελληνικά 中文 🙂'
          else null end,
        1000 + g % 9000
      from generate_series(1, ${rows}) g
      join documents d on d.key = 'bench/doc-' || (1 + g % 20)`);
    await scratch.sql`analyze`;
    const seedSeconds = (performance.now() - seedStart) / 1000;

    const query = parseDatasetQuery(dataset, { sort: "id", order: "asc" });

    const { text } = selectSql(dataset, query);
    // Warm the cache for both runs alike (the seed just wrote the rows).
    await scratch.sql.unsafe(`select count(*) from (${text}) t`);

    // Ours, through the same stream the route handler returns.
    const rssBefore = process.memoryUsage.rss();
    let peak = rssBefore;
    const sampler = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage.rss());
    }, 20);
    let started = performance.now();
    const exportBytes = await drain(exportStream(scratch.sql, dataset, query, "csv"));
    const exportSeconds = (performance.now() - started) / 1000;
    clearInterval(sampler);
    peak = Math.max(peak, process.memoryUsage.rss());

    // PostgreSQL's COPY of the same SELECT: the ceiling for producing this CSV. On a connection
    // of its own (postgres.js can leave a pooled connection stuck after a COPY).
    const copySql = postgres(scratch.url, { max: 1, onnotice: () => {} });
    started = performance.now();
    const copyStream = await copySql
      .unsafe(`copy (${text}) to stdout with (format csv, header)`)
      .readable();
    const copyBytes = await drain(copyStream as unknown as AsyncIterable<Uint8Array>);
    const copySeconds = (performance.now() - started) / 1000;
    await copySql.end({ timeout: 5 });

    // For context: the driver alone reading the same rows, no encoding (the ceiling for any
    // encoder in this process).
    started = performance.now();
    for await (const _batch of scratch.sql.unsafe(text).cursor(1000)) {
      // rows read and dropped
    }
    const readOnlySeconds = (performance.now() - started) / 1000;

    // The table's page queries on the same million rows (sorted, filtered, deep page, count).
    const pageMs: Record<string, number> = {};
    for (const [label, params] of Object.entries({
      "first page, newest first": {},
      "sorted by started_at": { sort: "started_at", order: "asc" },
      "filtered: failed, one month": { status: "failed", from: "2020-03-01", to: "2020-03-31" },
      "page 1000": { page: "1000" },
    })) {
      const t = performance.now();
      await datasetPage(scratch.sql, dataset, parseDatasetQuery(dataset, params));
      pageMs[label] = Math.round(performance.now() - t);
    }

    const mb = (n: number) => Number((n / 1024 / 1024).toFixed(1));
    const figures = {
      rows,
      seedSeconds: Number(seedSeconds.toFixed(1)),
      exportSeconds: Number(exportSeconds.toFixed(2)),
      exportRowsPerSecond: Math.round(rows / exportSeconds),
      exportMB: mb(exportBytes),
      copySeconds: Number(copySeconds.toFixed(2)),
      copyRowsPerSecond: Math.round(rows / copySeconds),
      copyMB: mb(copyBytes),
      ratioToCopy: Number((copySeconds / exportSeconds).toFixed(2)),
      driverReadOnlyRowsPerSecond: Math.round(rows / readOnlySeconds),
      driverReadOnlyRatioToCopy: Number((copySeconds / readOnlySeconds).toFixed(2)),
      rssBeforeExportMB: mb(rssBefore),
      peakRssDuringExportMB: mb(peak),
      tablePageMs: pageMs,
      targets: { ratioToCopy: ">= 0.5", peakRssMB: "< 200" },
    };
    if (args.includes("--json")) console.log(JSON.stringify(figures));
    else {
      console.log(
        `export bench: ${rows.toLocaleString("en")} fetch runs, ${dataset.columns.length} columns`,
      );
      console.log(
        `  termtrail CSV export  ${figures.exportRowsPerSecond.toLocaleString("en")} rows/s  (${figures.exportSeconds} s, ${figures.exportMB} MB)`,
      );
      console.log(
        `  postgres COPY CSV     ${figures.copyRowsPerSecond.toLocaleString("en")} rows/s  (${figures.copySeconds} s, ${figures.copyMB} MB)`,
      );
      console.log(`  ratio to COPY         ${figures.ratioToCopy}×  (target ≥ 0.5×)`);
      console.log(
        `  peak RSS in export    ${figures.peakRssDuringExportMB} MB  (before: ${figures.rssBeforeExportMB} MB; target < 200 MB)`,
      );
      console.log(
        `  (postgres.js reading the rows, no encoding: ${figures.driverReadOnlyRowsPerSecond.toLocaleString("en")} rows/s, ${figures.driverReadOnlyRatioToCopy}× COPY)`,
      );
      for (const [label, ms] of Object.entries(pageMs))
        console.log(`  table page (${label})  ${ms} ms`);
    }
  } finally {
    await scratch.drop();
  }
}
