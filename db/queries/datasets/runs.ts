import { FETCH_RUN_STATUSES } from "../../schema/fetch-runs";
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

export const runs: Dataset = {
  name: "runs",
  title: "Fetch runs",
  description:
    "Every attempt to archive a document, successful or not: status, timing, HTTP status and error class.",
  from: "fetch_runs r join documents d on d.id = r.document_id join platforms p on p.id = d.platform_id",
  key: "r.id",
  defaultSort: { column: "id", desc: true },
  link: "'/documents/' || r.document_id",
  columns: [
    idColumn("r.id", "Run id."),
    { name: "document_id", type: "integer", expr: "r.document_id", description: "The document." },
    platformColumn(),
    documentTypeColumn(),
    {
      name: "status",
      type: "text",
      expr: "r.status",
      shownByDefault: true,
      description: `One of ${FETCH_RUN_STATUSES.join(", ")}.`,
    },
    {
      name: "trigger",
      type: "text",
      expr: "r.trigger",
      description: "What started it: cli, schedule, maintainer…",
    },
    {
      name: "started_at",
      type: "timestamp",
      expr: "r.started_at",
      sortable: true,
      shownByDefault: true,
      description: "Start.",
    },
    {
      name: "finished_at",
      type: "timestamp",
      expr: "r.finished_at",
      description: "End (empty while running).",
    },
    {
      name: "duration_ms",
      type: "integer",
      expr: "r.duration_ms",
      shownByDefault: true,
      description: "Duration in milliseconds.",
    },
    {
      name: "http_status",
      type: "integer",
      expr: "r.http_status",
      shownByDefault: true,
      description: "HTTP status of the final response.",
    },
    { name: "final_url", type: "text", expr: "r.final_url", description: "URL after redirects." },
    {
      name: "error_class",
      type: "text",
      expr: "r.error_class",
      shownByDefault: true,
      description: "transient, blocked, extraction or storage.",
    },
    { name: "error_code", type: "text", expr: "r.error_code", description: "Precise error code." },
    { name: "error_message", type: "text", expr: "r.error_message", description: "Error message." },
    {
      name: "snapshot_id",
      type: "integer",
      expr: "r.snapshot_id",
      description: "The raw capture stored.",
    },
    {
      name: "version_id",
      type: "integer",
      expr: "r.version_id",
      description: "The version it created, if any.",
    },
    {
      name: "extracted_words",
      type: "integer",
      expr: "r.extracted_words",
      description: "Words extracted.",
    },
  ],
  filters: [
    enumFilter("status", FETCH_RUN_STATUSES, "r.status", "Run status."),
    enumFilter(
      "error_class",
      ["transient", "blocked", "extraction", "storage"],
      "r.error_class",
      "Error class.",
    ),
    platformFilter(),
    documentFilter("r.document_id"),
    ...dateRange("r.started_at", true, "Started"),
  ],
};
