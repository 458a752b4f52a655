import {
  boolean,
  date,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
} from "drizzle-orm/pg-core";
import { platforms } from "./platforms";
import { dataCategories } from "./taxonomy";

export const CASE_STATUSES = ["open", "closed", "unresolved"] as const;

/** A partner-pressure case: a dominant platform pressing a partner for its customers' data. */
export const cases = pgTable("cases", {
  id: serial("id").primaryKey(),
  slug: text("slug").notNull().unique(),
  title: text("title").notNull(),
  summary: text("summary").notNull(),
  dominantPlatformId: integer("dominant_platform_id")
    .notNull()
    .references(() => platforms.id),
  partner: text("partner").notNull(),
  /** What was threatened or withheld: "withheld updates", "placement", "certification"… */
  leverage: jsonb("leverage").$type<string[]>().notNull(),
  startedOn: date("started_on"),
  endedOn: date("ended_on"),
  outcome: text("outcome"),
  status: text("status").$type<(typeof CASE_STATUSES)[number]>().notNull().default("open"),
  /** Reporting leaves part of the case uncertain; shown as such. */
  uncertain: boolean("uncertain").notNull().default(false),
  uncertainNote: text("uncertain_note"),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

export const caseDataCategories = pgTable(
  "case_data_categories",
  {
    caseId: integer("case_id")
      .notNull()
      .references(() => cases.id, { onDelete: "cascade" }),
    categorySlug: text("category_slug")
      .notNull()
      .references(() => dataCategories.slug),
    uncertain: boolean("uncertain").notNull().default(false),
  },
  (t) => [primaryKey({ columns: [t.caseId, t.categorySlug] })],
);
