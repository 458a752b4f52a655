/**
 * The whole filtered set of a dataset as a stream of CSV or JSON, read from PostgreSQL with a
 * cursor one batch at a time: memory stays flat whatever the size, and the database is only
 * read as fast as the client takes the bytes (pull-based ReadableStream).
 */
import type postgres from "postgres";
import { CREDITS } from "./credits";
import { csvLines } from "./csv";
import type { DatasetQuery } from "./params";
import { selectSql } from "./query";
import type { Dataset, DatasetColumn } from "./types";

export type ExportFormat = "csv" | "json";
export const BATCH_ROWS = 1000;

export function exportFilename(dataset: Dataset, format: ExportFormat, now = new Date()) {
  return `termtrail-${dataset.name}-${now.toISOString().slice(0, 10)}.${format}`;
}

export const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: "text/csv; charset=utf-8; header=present",
  json: "application/json; charset=utf-8",
};

async function* csvChunks(
  rows: AsyncIterable<Record<string, unknown>[]>,
  columns: DatasetColumn[],
  bom: boolean,
) {
  yield (bom ? "\uFEFF" : "") + csvLines(columns, [], true);
  for await (const batch of rows) yield csvLines(columns, batch, false);
}

async function* jsonChunks(
  rows: AsyncIterable<Record<string, unknown>[]>,
  dataset: Dataset,
  query: Pick<DatasetQuery, "filters" | "sort">,
  columns: DatasetColumn[],
  now: Date,
) {
  const head = {
    dataset: dataset.name,
    generated_at: now.toISOString(),
    credits: CREDITS,
    filters: query.filters,
    sort: { column: query.sort.column, order: query.sort.desc ? "desc" : "asc" },
    columns: columns.map((c) => ({ name: c.name, type: c.type, description: c.description })),
  };
  yield `${JSON.stringify(head).slice(0, -1)},"rows":[`;
  let count = 0;
  for await (const batch of rows) {
    let out = "";
    for (const row of batch) {
      const obj: Record<string, unknown> = {};
      for (const c of columns) obj[c.name] = row[c.name] ?? null;
      out += `${count++ === 0 ? "\n" : ",\n"}${JSON.stringify(obj)}`;
    }
    yield out;
  }
  yield `\n],"row_count":${count}}\n`;
}

/**
 * Asks the cursor for the next batch before handing out the current one, so PostgreSQL reads
 * and sends batch n+1 while we encode batch n (one batch ahead at most: memory stays flat).
 */
async function* prefetch<T>(source: AsyncIterable<T>): AsyncGenerator<T> {
  const it = source[Symbol.asyncIterator]();
  let next = it.next();
  try {
    for (;;) {
      const current = await next;
      if (current.done) return;
      next = it.next();
      yield current.value;
    }
  } finally {
    // Closing early (client gone): let the pending fetch settle, then close the cursor.
    await next.catch(() => undefined);
    await it.return?.();
  }
}

/** A byte stream of the export; cancelling it closes the cursor. */
export function exportStream(
  sql: postgres.Sql,
  dataset: Dataset,
  query: Pick<DatasetQuery, "filters" | "sort" | "columns" | "bom">,
  format: ExportFormat,
  options: { now?: Date; batchRows?: number } = {},
): ReadableStream<Uint8Array> {
  const { text, params, columns } = selectSql(dataset, query);
  const rows = prefetch(
    sql.unsafe(text, params).cursor(options.batchRows ?? BATCH_ROWS) as AsyncIterable<
      Record<string, unknown>[]
    >,
  );
  const chunks =
    format === "csv"
      ? csvChunks(rows, columns, query.bom)
      : jsonChunks(rows, dataset, query, columns, options.now ?? new Date());
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        try {
          for (;;) {
            const next = await chunks.next();
            if (next.done) {
              controller.close();
              return;
            }
            if (next.value) {
              controller.enqueue(encoder.encode(next.value));
              return;
            }
          }
        } catch (error) {
          controller.error(error);
        }
      },
      async cancel() {
        await chunks.return(undefined);
      },
    },
    { highWaterMark: 1 },
  );
}
