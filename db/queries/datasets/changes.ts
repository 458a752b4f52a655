import {
  dateRange,
  documentFilter,
  documentTypeColumn,
  idColumn,
  platformColumn,
  platformFilter,
} from "./shared";
import type { Dataset } from "./types";

export const changes: Dataset = {
  name: "changes",
  title: "Changes",
  description:
    "The difference between each version and the one before: passages and words added and removed.",
  from: "changes ch join versions v on v.id = ch.version_id join documents d on d.id = ch.document_id join platforms p on p.id = d.platform_id",
  key: "ch.id",
  defaultSort: { column: "id", desc: true },
  link: "'/documents/' || ch.document_id || '?v=' || ch.version_id",
  columns: [
    idColumn("ch.id", "Change id."),
    { name: "document_id", type: "integer", expr: "ch.document_id", description: "The document." },
    platformColumn(),
    documentTypeColumn(),
    { name: "version_id", type: "integer", expr: "ch.version_id", description: "The new version." },
    {
      name: "previous_version_id",
      type: "integer",
      expr: "ch.previous_version_id",
      description: "The version before it.",
    },
    {
      name: "captured_at",
      type: "timestamp",
      expr: "v.captured_at",
      shownByDefault: true,
      description: "When the new version was captured.",
    },
    {
      name: "added_passages",
      type: "integer",
      expr: "ch.added_passages",
      description: "Passages added.",
    },
    {
      name: "removed_passages",
      type: "integer",
      expr: "ch.removed_passages",
      description: "Passages removed.",
    },
    {
      name: "added_words",
      type: "integer",
      expr: "ch.added_words",
      sortable: true,
      shownByDefault: true,
      description: "Words added.",
    },
    {
      name: "removed_words",
      type: "integer",
      expr: "ch.removed_words",
      sortable: true,
      shownByDefault: true,
      description: "Words removed.",
    },
    {
      name: "substantive",
      type: "boolean",
      expr: "ch.substantive",
      shownByDefault: true,
      description: "Whether the detectors judged it substantive (empty until analysed).",
    },
    {
      name: "created_at",
      type: "timestamp",
      expr: "ch.created_at",
      description: "When Termtrail recorded it.",
    },
  ],
  filters: [
    platformFilter(),
    documentFilter("ch.document_id"),
    {
      param: "substantive",
      kind: "boolean",
      expr: "ch.substantive",
      description: "true or false.",
    },
    ...dateRange("v.captured_at", true, "New version captured"),
  ],
};
