/**
 * SQL for a dataset query. Filter values are always bound parameters; column, sort and table
 * names only ever come from the dataset definitions, never from the request.
 */
import type postgres from "postgres";
import type { DatasetQuery, FilterValue } from "./params";
import type { Dataset, DatasetColumn } from "./types";

/** Counts stop here, so a page stays fast on a million rows ("100,000+"). */
export const COUNT_CAP = 100_000;

export function selectExpr(column: DatasetColumn): string {
  switch (column.type) {
    case "date":
      return `to_char(${column.expr}, 'YYYY-MM-DD')`;
    case "timestamp":
      return `to_char(${column.expr} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
    case "integer":
      // bigint ids come back as strings from the driver; integers as numbers.
      return `(${column.expr})::float8`;
    default:
      return column.expr;
  }
}

export function columnsFor(dataset: Dataset, query: Pick<DatasetQuery, "columns">) {
  if (!query.columns) return dataset.columns;
  return dataset.columns.filter((c) => query.columns?.includes(c.name));
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** WHERE clause and its parameters (numbered from $1). */
export function whereClause(dataset: Dataset, filters: Record<string, FilterValue>) {
  const conditions: string[] = [];
  const params: (string | number | boolean)[] = [];
  const bind = (v: string | number | boolean) => {
    params.push(v);
    return `$${params.length}`;
  };
  for (const f of dataset.filters) {
    const v = filters[f.param];
    if (v === undefined) continue;
    switch (f.kind) {
      case "enum":
      case "text":
        conditions.push(`${f.expr} = ${bind(String(v))}`);
        break;
      case "integer":
        conditions.push(`${f.expr} = ${bind(Number(v))}`);
        break;
      case "boolean":
        conditions.push(`${f.expr} = ${bind(Boolean(v))}`);
        break;
      case "date-from":
        conditions.push(
          f.timestamp
            ? `${f.expr} >= (${bind(String(v))}::date::timestamp at time zone 'UTC')`
            : `${f.expr} >= ${bind(String(v))}::date`,
        );
        break;
      case "date-to":
        conditions.push(
          f.timestamp
            ? `${f.expr} < ((${bind(String(v))}::date + 1)::timestamp at time zone 'UTC')`
            : `${f.expr} <= ${bind(String(v))}::date`,
        );
        break;
      case "search": {
        const p = bind(`%${escapeLike(String(v))}%`);
        conditions.push(`(${f.exprs.map((e) => `${e} ilike ${p}`).join(" or ")})`);
        break;
      }
    }
  }
  return { where: conditions.length ? `where ${conditions.join(" and ")}` : "", params };
}

function orderBy(dataset: Dataset, sort: DatasetQuery["sort"]) {
  const column = dataset.columns.find((c) => c.name === sort.column && c.sortable);
  const dir = sort.desc ? "desc" : "asc";
  const parts = [];
  if (column && column.expr !== dataset.key)
    // PostgreSQL's default null placement (last ascending, first descending) matches a plain
    // btree index read either way, so a sorted page is an index scan, not a full sort.
    parts.push(`${column.expr} ${dir}`);
  parts.push(`${dataset.key} ${dir}`);
  return `order by ${parts.join(", ")}`;
}

/** The full SELECT for a query: every matching row, in order, with the chosen columns. */
export function selectSql(
  dataset: Dataset,
  query: Pick<DatasetQuery, "filters" | "sort" | "columns">,
  options: { link?: boolean } = {},
) {
  const cols = columnsFor(dataset, query);
  const { where, params } = whereClause(dataset, query.filters);
  const list = cols.map((c) => `${selectExpr(c)} as "${c.name}"`);
  if (options.link) list.push(`${dataset.link} as "_link"`);
  const text = `select ${list.join(", ")} from ${dataset.from} ${where} ${orderBy(dataset, query.sort)}`;
  return { text, params, columns: cols };
}

export type DatasetRow = Record<string, unknown> & { _link?: string | null };

/** One page for the table, and the number of matching rows (capped at COUNT_CAP). */
export async function datasetPage(sql: postgres.Sql, dataset: Dataset, query: DatasetQuery) {
  const { text, params, columns } = selectSql(dataset, query, { link: true });
  const offset = (query.page - 1) * query.size;
  const { where, params: countParams } = whereClause(dataset, query.filters);
  const [rows, count] = await Promise.all([
    sql.unsafe(`${text} limit ${query.size} offset ${offset}`, params) as Promise<DatasetRow[]>,
    sql.unsafe(
      `select count(*)::int as n from (select 1 from ${dataset.from} ${where} limit ${COUNT_CAP + 1}) t`,
      countParams,
    ) as Promise<{ n: number }[]>,
  ]);
  const n = count[0]?.n ?? 0;
  return { rows, columns, total: Math.min(n, COUNT_CAP), capped: n > COUNT_CAP };
}
