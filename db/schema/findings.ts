import {
  bigint,
  bigserial,
  date,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  unique,
} from "drizzle-orm/pg-core";
import { changes } from "./changes";
import { documents } from "./documents";
import { events } from "./events";
import { dataCategories } from "./taxonomy";
import { versions } from "./versions";

export const FINDING_KINDS = [
  "data_category_added",
  "data_category_removed",
  "recipient_added",
  "recipient_removed",
  "consent_deadline",
] as const;
export type FindingKind = (typeof FINDING_KINDS)[number];
export const FINDING_STATES = ["detected", "confirmed", "dismissed"] as const;
export type FindingState = (typeof FINDING_STATES)[number];

/** What a detector read in a change, with the exact passage that supports it. */
export const findings = pgTable(
  "findings",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    changeId: bigint("change_id", { mode: "number" })
      .notNull()
      .references(() => changes.id, { onDelete: "cascade" }),
    documentId: integer("document_id")
      .notNull()
      .references(() => documents.id),
    versionId: bigint("version_id", { mode: "number" })
      .notNull()
      .references(() => versions.id),
    kind: text("kind").$type<FindingKind>().notNull(),
    categorySlug: text("category_slug").references(() => dataCategories.slug),
    recipient: text("recipient"),
    deadline: date("deadline"),
    /** The category, recipient or date: what makes this finding distinct within its change. */
    subject: text("subject").notNull(),
    excerpt: text("excerpt").notNull(),
    state: text("state").$type<FindingState>().notNull().default("detected"),
    dismissedReason: text("dismissed_reason"),
    eventId: bigint("event_id", { mode: "number" }).references(() => events.id),
    reviewedBy: text("reviewed_by"),
    reviewedAt: timestamp("reviewed_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique("findings_change_subject_unique").on(t.changeId, t.kind, t.subject),
    index("findings_state_idx").on(t.state, t.createdAt),
    index("findings_document_idx").on(t.documentId),
  ],
);

export type Finding = typeof findings.$inferSelect;
