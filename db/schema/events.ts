import {
  bigint,
  bigserial,
  boolean,
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
} from "drizzle-orm/pg-core";
import { cases } from "./cases";
import { platforms } from "./platforms";
import { dataCategories, recipients } from "./taxonomy";

export const EVENT_KINDS = [
  "forced_consent_deadline",
  "data_sharing_expansion",
  "partner_pressure",
  "policy_update",
  "public_statement",
  "regulatory_action",
] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

/** A dated fact on the timeline. Saving one needs a citation (enforced at commit). */
export const events = pgTable(
  "events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    kind: text("kind").$type<EventKind>().notNull(),
    title: text("title").notNull(),
    summary: text("summary").notNull(),
    platformId: integer("platform_id").references(() => platforms.id),
    /** partner_pressure events belong to a case. */
    caseId: integer("case_id").references(() => cases.id),
    occurredOn: date("occurred_on").notNull(),
    /** forced_consent_deadline: when users were told, the deadline, and what refusing costs. */
    announcedOn: date("announced_on"),
    deadline: date("deadline"),
    consequence: text("consequence"),
    /** "confirmed" for curated or reviewed events; "detected" while built from findings only. */
    status: text("status").$type<"confirmed" | "detected">().notNull().default("confirmed"),
    origin: text("origin").$type<"curated" | "review">().notNull().default("curated"),
    uncertain: boolean("uncertain").notNull().default(false),
    uncertainNote: text("uncertain_note"),
    /** Stable handle for curated entries, so the seed can be re-run without duplicates. */
    seedKey: text("seed_key").unique(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("events_occurred_idx").on(t.occurredOn),
    index("events_platform_idx").on(t.platformId),
  ],
);

/** A forced-consent deadline moved: the new deadline and when that was announced. */
export const eventPostponements = pgTable("event_postponements", {
  id: bigserial("id", { mode: "number" }).primaryKey(),
  eventId: bigint("event_id", { mode: "number" })
    .notNull()
    .references(() => events.id, { onDelete: "cascade" }),
  newDeadline: date("new_deadline").notNull(),
  announcedOn: date("announced_on").notNull(),
  note: text("note"),
});

export const eventDataCategories = pgTable(
  "event_data_categories",
  {
    eventId: bigint("event_id", { mode: "number" })
      .notNull()
      .references(() => events.id, { onDelete: "cascade" }),
    categorySlug: text("category_slug")
      .notNull()
      .references(() => dataCategories.slug),
    uncertain: boolean("uncertain").notNull().default(false),
  },
  (t) => [primaryKey({ columns: [t.eventId, t.categorySlug] })],
);

export const eventRecipients = pgTable(
  "event_recipients",
  {
    eventId: bigint("event_id", { mode: "number" })
      .notNull()
      .references(() => events.id, { onDelete: "cascade" }),
    recipientId: integer("recipient_id")
      .notNull()
      .references(() => recipients.id),
    uncertain: boolean("uncertain").notNull().default(false),
  },
  (t) => [primaryKey({ columns: [t.eventId, t.recipientId] })],
);
