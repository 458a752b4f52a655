/**
 * One definition per dataset, shared by the table pages (/data/<name>), the exports
 * (/api/export/<name>.csv|json) and the data dictionary (/data): column names, types and
 * meanings, the SQL behind them, the filters and the sortable columns.
 */

/** How a value is written: integer and boolean as such, dates as ISO 8601, lists as arrays. */
export type ColumnType = "integer" | "text" | "date" | "timestamp" | "boolean" | "list";

export interface DatasetColumn {
  /** Stable snake_case name: the CSV header and the JSON key. Never rename. */
  name: string;
  type: ColumnType;
  description: string;
  /** SQL expression over the dataset's FROM clause (raw: dates are formatted on select). */
  expr: string;
  /** Whether the table and the exports can order by it (backed by an index when it matters). */
  sortable?: boolean;
  /** Shown in the table unless the user picks columns. Exports always include every column. */
  shownByDefault?: boolean;
}

interface FilterBase {
  /** The query-string parameter. */
  param: string;
  description: string;
}

export type DatasetFilter =
  | (FilterBase & { kind: "enum"; values: readonly string[]; expr: string })
  | (FilterBase & { kind: "text"; expr: string; example: string })
  | (FilterBase & { kind: "integer"; expr: string })
  | (FilterBase & { kind: "boolean"; expr: string })
  | (FilterBase & { kind: "date-from" | "date-to"; expr: string; timestamp: boolean })
  | (FilterBase & { kind: "search"; exprs: string[] });

export interface Dataset {
  name: string;
  title: string;
  description: string;
  /** FROM clause with its joins. */
  from: string;
  /** Unique, indexed expression used to break ties so pages and exports are deterministic. */
  key: string;
  defaultSort: { column: string; desc: boolean };
  columns: DatasetColumn[];
  filters: DatasetFilter[];
  /** SQL expression giving the row's page in the dashboard (null when it has none). */
  link: string;
}
