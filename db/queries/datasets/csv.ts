/**
 * CSV per RFC 4180 (CRLF, quoting) with csv-stringify, made safe for spreadsheets: a text cell
 * that a spreadsheet would read as a formula gets a leading apostrophe. csv-stringify's
 * `escape_formulas` covers cells that start with = + - @ TAB CR; `guardFormula` also covers
 * those characters behind leading spaces or newlines ("  =cmd", "\n@SUM(…)"), which spreadsheets
 * trim and then evaluate.
 *
 * Speed: most cells hold nothing to quote or escape, and RFC 4180 writes those as they are, so
 * they skip the encoder; every cell that needs quoting goes through csv-stringify, in one call
 * per batch. (csv-stringify on every cell made exports 4× slower than PostgreSQL's COPY.)
 */
import { stringify } from "csv-stringify/sync";
import type { ColumnType } from "./types";

const FORMULA_START = /^\s*[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;
/** PostgreSQL text never holds NUL, so it can separate cells in csv-stringify's output. */
const CELL_END = "\u0000";

/** The cell with an apostrophe in front when a spreadsheet would evaluate it. */
export function guardFormula(value: string): string {
  // Most cells start with an ASCII letter or digit: no regex needed for those.
  const first = value.charCodeAt(0);
  if (
    (first >= 48 && first <= 57) ||
    (first >= 65 && first <= 90) ||
    (first >= 97 && first <= 122)
  ) {
    return value;
  }
  return FORMULA_START.test(value) ? `'${value}` : value;
}

export const LIST_SEPARATOR = "; ";

/** A value as written in a CSV cell (before quoting): lists joined, text guarded. */
export function csvCell(type: ColumnType, value: unknown): string {
  if (value === null || value === undefined) return "";
  switch (type) {
    case "integer":
      return String(value);
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

/** Cells that need quoting, encoded by csv-stringify in one call. */
function quoteAll(cells: string[]): string[] {
  const out = stringify(
    cells.map((c) => [c]),
    { quoted: true, record_delimiter: CELL_END, escape_formulas: true, eof: true },
  );
  return out.split(CELL_END);
}

/** Rows (objects keyed by column name) as CSV records ending in CRLF, with the header if asked. */
export function csvLines(
  columns: CsvColumn[],
  rows: Record<string, unknown>[],
  header: boolean,
): string {
  const n = columns.length;
  // One flat array of cells, row after row; the cells to quote are encoded in one call.
  const cells: string[] = header ? columns.map((c) => c.name) : [];
  for (const row of rows) {
    for (let i = 0; i < n; i++) {
      const c = columns[i] as CsvColumn;
      cells.push(csvCell(c.type, row[c.name]));
    }
  }
  const special: number[] = [];
  for (let k = 0; k < cells.length; k++) {
    const cell = cells[k] as string;
    if (NEEDS_QUOTES.test(cell)) special.push(k);
  }
  if (special.length) {
    const quoted = quoteAll(special.map((k) => cells[k] as string));
    for (let j = 0; j < special.length; j++) cells[special[j] as number] = quoted[j] as string;
  }
  let out = "";
  for (let k = 0; k < cells.length; k += n) {
    let line = cells[k] as string;
    for (let i = 1; i < n; i++) line += `,${cells[k + i]}`;
    out += `${line}\r\n`;
  }
  return out;
}
