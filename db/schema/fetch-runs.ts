import { bigint, bigserial, index, integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { documents } from "./documents";
import { snapshots } from "./snapshots";
import { versions } from "./versions";

export const FETCH_RUN_STATUSES = [
  "running",
  "unchanged",
  "new_version",
  "failed",
  "abandoned",
] as const;
export type FetchRunStatus = (typeof FETCH_RUN_STATUSES)[number];

/** One attempt to archive one document: never silently dropped, even when it fails. */
export const fetchRuns = pgTable(
  "fetch_runs",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    documentId: integer("document_id")
      .notNull()
      .references(() => documents.id),
    status: text("status").$type<FetchRunStatus>().notNull().default("running"),
    trigger: text("trigger").notNull().default("cli"),
    startedAt: timestamp("started_at", { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
    durationMs: integer("duration_ms"),
    httpStatus: integer("http_status"),
    finalUrl: text("final_url"),
    errorClass: text("error_class"),
    errorCode: text("error_code"),
    errorMessage: text("error_message"),
    snapshotId: bigint("snapshot_id", { mode: "number" }).references(() => snapshots.id),
    versionId: bigint("version_id", { mode: "number" }).references(() => versions.id),
    /** Word count of the extracted text, to spot extractions that suddenly lose most text. */
    extractedWords: integer("extracted_words"),
  },
  (t) => [
    index("fetch_runs_document_started_idx").on(t.documentId, t.startedAt),
    index("fetch_runs_started_idx").on(t.startedAt),
  ],
);

export type FetchRun = typeof fetchRuns.$inferSelect;
