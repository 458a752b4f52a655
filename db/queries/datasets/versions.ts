import {
  dateRange,
  documentFilter,
  documentTypeColumn,
  enumFilter,
  idColumn,
  platformColumn,
  platformFilter,
} from "./shared";
import type { Dataset } from "./types";

export const versions: Dataset = {
  name: "versions",
  title: "Versions",
  description:
    "Every archived version of every document: a new one only when the extracted text changed. The text itself is on the document's page.",
  from: "versions v join documents d on d.id = v.document_id join platforms p on p.id = d.platform_id",
  key: "v.id",
  defaultSort: { column: "captured_at", desc: true },
  link: "'/documents/' || v.document_id || '?v=' || v.id",
  columns: [
    idColumn("v.id", "Version id."),
    {
      name: "document_id",
      type: "integer",
      expr: "v.document_id",
      description: "The document (see documents).",
    },
    platformColumn(),
    documentTypeColumn(),
    {
      name: "seq",
      type: "integer",
      expr: "v.seq",
      shownByDefault: true,
      description: "1, 2, 3… within the document.",
    },
    {
      name: "captured_at",
      type: "timestamp",
      expr: "v.captured_at",
      sortable: true,
      shownByDefault: true,
      description: "When this text was captured (original date for imports).",
    },
    {
      name: "word_count",
      type: "integer",
      expr: "v.word_count",
      shownByDefault: true,
      description: "Words in the extracted text.",
    },
    {
      name: "text_hash",
      type: "text",
      expr: "v.text_hash",
      description: "sha256 of the normalised text.",
    },
    { name: "origin", type: "text", expr: "v.origin", description: "scrape or import." },
    {
      name: "source_url",
      type: "text",
      expr: "v.source_url",
      description: "Where the text was captured.",
    },
    {
      name: "snapshot_id",
      type: "integer",
      expr: "v.snapshot_id",
      description: "The raw capture, when Termtrail made it.",
    },
    {
      name: "created_at",
      type: "timestamp",
      expr: "v.created_at",
      description: "When Termtrail recorded it.",
    },
  ],
  filters: [
    platformFilter(),
    documentFilter("v.document_id"),
    enumFilter("origin", ["scrape", "import"], "v.origin", "How it was recorded."),
    ...dateRange("v.captured_at", true, "Captured"),
  ],
};
