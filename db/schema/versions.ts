import {
  bigint,
  bigserial,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  unique,
} from "drizzle-orm/pg-core";
import { documents } from "./documents";
import { snapshots } from "./snapshots";

/** Flags an import carries over from its archive (re-extraction noise, suspect captures…). */
export interface VersionFlags {
  changeKind?: string;
  suspectNotTheDocument?: boolean;
  textSeenBeforeInSeries?: boolean;
}

export const versions = pgTable(
  "versions",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    documentId: integer("document_id")
      .notNull()
      .references(() => documents.id),
    /**
     * 1, 2, 3… per document. Unique with the document, so two concurrent runs can't both
     * add "the next version": the second insert fails and re-checks against the winner.
     */
    seq: integer("seq").notNull(),
    capturedAt: timestamp("captured_at", { withTimezone: true }).notNull(),
    /** sha256 of the normalised text: equal hashes mean "unchanged". */
    textHash: text("text_hash").notNull(),
    markdown: text("markdown").notNull(),
    wordCount: integer("word_count").notNull(),
    snapshotId: bigint("snapshot_id", { mode: "number" }).references(() => snapshots.id),
    origin: text("origin").notNull().default("scrape"),
    /** For imports: "<corpus file>#<sha256>", unique, so importing twice adds nothing. */
    importKey: text("import_key").unique(),
    sourceUrl: text("source_url"),
    flags: jsonb("flags").$type<VersionFlags>(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique("versions_document_seq_unique").on(t.documentId, t.seq),
    index("versions_document_captured_idx").on(t.documentId, t.capturedAt),
    index("versions_captured_idx").on(t.capturedAt),
  ],
);

export type Version = typeof versions.$inferSelect;
