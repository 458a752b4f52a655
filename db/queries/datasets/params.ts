/**
 * The query string shared by a table page and its exports, parsed and checked: filters (per
 * dataset), sort, order, columns, and for tables page and size. Anything wrong is reported in
 * words the user can act on.
 */
import { z } from "zod";
import type { Dataset, DatasetFilter } from "./types";

export const PAGE_SIZES = [25, 50, 100, 200] as const;
export const DEFAULT_PAGE_SIZE = 50;
/** Parameters that are not filters. */
export const RESERVED_PARAMS = ["sort", "order", "columns", "page", "size", "bom"] as const;

export type FilterValue = string | number | boolean;

export interface DatasetQuery {
  filters: Record<string, FilterValue>;
  sort: { column: string; desc: boolean };
  /** Columns asked for, in the dataset's order; null when the user chose none. */
  columns: string[] | null;
  page: number;
  size: number;
  bom: boolean;
}

export class DatasetParamError extends Error {}

const isoDay = z.iso.date({ error: "must be a date written YYYY-MM-DD" });

function filterSchema(filter: DatasetFilter): z.ZodType<FilterValue> {
  switch (filter.kind) {
    case "enum":
      return z.enum(filter.values as [string, ...string[]], {
        error: `must be one of ${filter.values.join(", ")}`,
      });
    case "text":
      return z.string().trim().min(1, "must not be empty").max(200, "is too long");
    case "search":
      return z.string().trim().min(1, "must not be empty").max(200, "is too long");
    case "integer":
      return z
        .string()
        .regex(/^\d{1,15}$/, "must be a whole number")
        .transform((s) => Number(s));
    case "boolean":
      return z
        .enum(["true", "false"], { error: "must be true or false" })
        .transform((s) => s === "true");
    case "date-from":
    case "date-to":
      return isoDay;
  }
}

type Params = URLSearchParams | Record<string, string | string[] | undefined>;

function toEntries(params: Params): Map<string, string> {
  const out = new Map<string, string>();
  if (params instanceof URLSearchParams) {
    for (const [k, v] of params) if (!out.has(k)) out.set(k, v);
  } else {
    for (const [k, v] of Object.entries(params)) {
      const value = Array.isArray(v) ? v[0] : v;
      if (value !== undefined) out.set(k, value);
    }
  }
  return out;
}

/** Parses a table's or an export's query string; throws DatasetParamError with the reasons. */
export function parseDatasetQuery(dataset: Dataset, params: Params): DatasetQuery {
  const entries = toEntries(params);
  const problems: string[] = [];
  const filters: Record<string, FilterValue> = {};
  const known = new Set<string>([...RESERVED_PARAMS, ...dataset.filters.map((f) => f.param)]);
  for (const key of entries.keys()) {
    if (!known.has(key))
      problems.push(
        `unknown parameter "${key}"; ${dataset.name} takes ${dataset.filters.map((f) => f.param).join(", ")}, and sort, order, columns`,
      );
  }
  for (const filter of dataset.filters) {
    const raw = entries.get(filter.param);
    if (raw === undefined || raw === "") continue;
    const parsed = filterSchema(filter).safeParse(raw);
    if (parsed.success) filters[filter.param] = parsed.data;
    else
      problems.push(
        `${filter.param} ${parsed.error.issues[0]?.message ?? "is invalid"} (got ${JSON.stringify(raw.slice(0, 80))})`,
      );
  }
  if (
    typeof filters.from === "string" &&
    typeof filters.to === "string" &&
    filters.from > filters.to
  )
    problems.push(`from (${filters.from}) is after to (${filters.to})`);

  const sortable = dataset.columns.filter((c) => c.sortable).map((c) => c.name);
  let sort = dataset.defaultSort;
  const sortParam = entries.get("sort");
  if (sortParam) {
    if (sortable.includes(sortParam)) sort = { column: sortParam, desc: sort.desc };
    else
      problems.push(
        `sort must be one of ${sortable.join(", ")} (got ${JSON.stringify(sortParam)})`,
      );
  }
  const order = entries.get("order");
  if (order) {
    if (order === "asc" || order === "desc") sort = { column: sort.column, desc: order === "desc" };
    else problems.push(`order must be asc or desc (got ${JSON.stringify(order)})`);
  }

  let columns: string[] | null = null;
  const columnsParam = entries.get("columns");
  if (columnsParam) {
    const asked = new Set(
      columnsParam
        .split(",")
        .map((c) => c.trim())
        .filter(Boolean),
    );
    const names = dataset.columns.map((c) => c.name);
    const unknown = [...asked].filter((c) => !names.includes(c));
    if (unknown.length)
      problems.push(`columns: unknown ${unknown.join(", ")}; known: ${names.join(", ")}`);
    columns = names.filter((n) => asked.has(n));
    if (columns.length === 0 && unknown.length === 0) columns = null;
  }

  const page = positive(entries.get("page"), 1, "page", problems);
  const size = positive(entries.get("size"), DEFAULT_PAGE_SIZE, "size", problems);
  if (!PAGE_SIZES.includes(size as (typeof PAGE_SIZES)[number]))
    problems.push(`size must be one of ${PAGE_SIZES.join(", ")} (got ${size})`);
  const bomParam = entries.get("bom");
  if (bomParam !== undefined && !["0", "1", "true", "false"].includes(bomParam))
    problems.push(`bom must be 1 or 0 (got ${JSON.stringify(bomParam)})`);

  if (problems.length) throw new DatasetParamError(problems.join("; "));
  return { filters, sort, columns, page, size, bom: bomParam === "1" || bomParam === "true" };
}

function positive(raw: string | undefined, fallback: number, name: string, problems: string[]) {
  if (raw === undefined || raw === "") return fallback;
  if (!/^\d{1,9}$/.test(raw) || Number(raw) < 1) {
    problems.push(`${name} must be a whole number from 1 (got ${JSON.stringify(raw)})`);
    return fallback;
  }
  return Number(raw);
}

/** The query string for a dataset query (filters, sort, columns; page and size when given). */
export function toSearchParams(
  dataset: Dataset,
  query: Pick<DatasetQuery, "filters" | "sort" | "columns"> &
    Partial<Pick<DatasetQuery, "page" | "size">>,
): URLSearchParams {
  const out = new URLSearchParams();
  for (const f of dataset.filters) {
    const v = query.filters[f.param];
    if (v !== undefined) out.set(f.param, String(v));
  }
  const d = dataset.defaultSort;
  if (query.sort.column !== d.column || query.sort.desc !== d.desc) {
    out.set("sort", query.sort.column);
    out.set("order", query.sort.desc ? "desc" : "asc");
  }
  if (query.columns) out.set("columns", query.columns.join(","));
  if (query.page && query.page > 1) out.set("page", String(query.page));
  if (query.size && query.size !== DEFAULT_PAGE_SIZE) out.set("size", String(query.size));
  return out;
}
