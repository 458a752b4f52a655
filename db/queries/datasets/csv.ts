/**
 * CSV per RFC 4180 (CRLF, quoting) with csv-stringify, made safe for spreadsheets: a text cell
 * that a spreadsheet would read as a formula gets a leading apostrophe. csv-stringify's
 * `escape_formulas` covers cells that start with = + - @ TAB CR; `guardFormula` also covers
 * those characters behind leading spaces or newlines ("  =cmd", "\n@SUM(…)"), which spreadsheets
 * trim and then evaluate.
 */
import { stringify } from "csv-stringify/sync";
import type { ColumnType } from "./types";

const FORMULA_START = /^\s*[=+\-@\t\r]/;

/** The cell with an apostrophe in front when a spreadsheet would evaluate it. */
export function guardFormula(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

export const LIST_SEPARATOR = "; ";

/** A value as written in a CSV cell: numbers as numbers, lists joined, text guarded. */
export function csvCell(type: ColumnType, value: unknown): string | number | null {
  if (value === null || value === undefined) return null;
  switch (type) {
    case "integer":
      return typeof value === "number" ? value : Number(value);
    case "boolean":
      return value ? "true" : "false";
    case "list":
      return guardFormula((value as unknown[]).map(String).join(LIST_SEPARATOR));
    default:
      return guardFormula(String(value));
  }
}

export interface CsvColumn {
  name: string;
  type: ColumnType;
}

/** Rows (objects keyed by column name) as CSV lines, with the header line when asked. */
export function csvLines(
  columns: CsvColumn[],
  rows: Record<string, unknown>[],
  header: boolean,
): string {
  const records = rows.map((row) => columns.map((c) => csvCell(c.type, row[c.name])));
  if (header) records.unshift(columns.map((c) => c.name));
  if (records.length === 0) return "";
  return stringify(records, { record_delimiter: "\r\n", escape_formulas: true });
}
