import type { DatasetColumn, DatasetFilter } from "./types";

/** The pieces several dataset definitions share: the id, platform and document-type columns, the common filters. */

export const idColumn = (expr: string, description: string): DatasetColumn => ({
  name: "id",
  type: "integer",
  expr,
  sortable: true,
  shownByDefault: true,
  description,
});
export const platformColumn = (description = "Platform slug."): DatasetColumn => ({
  name: "platform",
  type: "text",
  expr: "p.slug",
  shownByDefault: true,
  description,
});
export const documentTypeColumn = (): DatasetColumn => ({
  name: "document_type",
  type: "text",
  expr: "d.type",
  shownByDefault: true,
  description: "The document's type.",
});

export const platformFilter = (expr = "p.slug"): DatasetFilter => ({
  param: "platform",
  kind: "text",
  expr,
  example: "whatsapp",
  description: "Platform slug, exactly (whatsapp, facebook, spotify…).",
});
export const documentFilter = (expr: string): DatasetFilter => ({
  param: "document",
  kind: "integer",
  expr,
  description: "Document id.",
});
export const enumFilter = (
  param: string,
  values: readonly string[],
  expr: string,
  description: string,
): DatasetFilter => ({ param, kind: "enum", values, expr, description });
export const searchFilter = (exprs: string[], description: string): DatasetFilter => ({
  param: "q",
  kind: "search",
  exprs,
  description,
});
export const dateRange = (expr: string, timestamp: boolean, what: string): DatasetFilter[] => [
  {
    param: "from",
    kind: "date-from",
    expr,
    timestamp,
    description: `${what} on or after this day (YYYY-MM-DD, UTC).`,
  },
  {
    param: "to",
    kind: "date-to",
    expr,
    timestamp,
    description: `${what} on or before this day (YYYY-MM-DD, UTC).`,
  },
];
