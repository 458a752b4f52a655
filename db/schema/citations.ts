import { sql } from "drizzle-orm";
import { bigint, bigserial, check, date, index, integer, pgTable, text } from "drizzle-orm/pg-core";
import { cases } from "./cases";
import { events } from "./events";
import { versions } from "./versions";

/**
 * Evidence for an event or a case: a published source (publisher, title, date, URL; at least a
 * title), or an archived version and the passage in it.
 */
export const citations = pgTable(
  "citations",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    eventId: bigint("event_id", { mode: "number" }).references(() => events.id, {
      onDelete: "cascade",
    }),
    caseId: integer("case_id").references(() => cases.id, { onDelete: "cascade" }),
    publisher: text("publisher"),
    title: text("title"),
    publishedOn: date("published_on"),
    url: text("url"),
    versionId: bigint("version_id", { mode: "number" }).references(() => versions.id),
    passage: text("passage"),
    language: text("language"),
  },
  (t) => [
    check("citations_has_owner", sql`${t.eventId} is not null or ${t.caseId} is not null`),
    check(
      "citations_has_source",
      sql`${t.title} is not null or (${t.versionId} is not null and ${t.passage} is not null)`,
    ),
    index("citations_event_idx").on(t.eventId),
    index("citations_case_idx").on(t.caseId),
  ],
);
