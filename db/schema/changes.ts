import {
  bigint,
  bigserial,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  timestamp,
} from "drizzle-orm/pg-core";
import { documents } from "./documents";
import { versions } from "./versions";

export interface Passage {
  type: "added" | "removed";
  text: string;
}

/** The difference between a version and the one before it. */
export const changes = pgTable(
  "changes",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    documentId: integer("document_id")
      .notNull()
      .references(() => documents.id),
    versionId: bigint("version_id", { mode: "number" })
      .notNull()
      .unique()
      .references(() => versions.id),
    previousVersionId: bigint("previous_version_id", { mode: "number" })
      .notNull()
      .references(() => versions.id),
    addedPassages: integer("added_passages").notNull(),
    removedPassages: integer("removed_passages").notNull(),
    addedWords: integer("added_words").notNull(),
    removedWords: integer("removed_words").notNull(),
    passages: jsonb("passages").$type<Passage[]>().notNull(),
    /** Whether the detectors judged the change substantive (null until analysed). */
    substantive: boolean("substantive"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("changes_document_idx").on(t.documentId, t.createdAt)],
);

export type Change = typeof changes.$inferSelect;
