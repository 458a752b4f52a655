import {
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  serial,
  text,
  timestamp,
} from "drizzle-orm/pg-core";
import { platforms } from "./platforms";

/** A CSS selector, or Open Terms Archive's range form. */
export type SelectorRule =
  | string
  | { startBefore?: string; startAfter?: string; endBefore?: string; endAfter?: string };

export const documents = pgTable(
  "documents",
  {
    id: serial("id").primaryKey(),
    platformId: integer("platform_id")
      .notNull()
      .references(() => platforms.id),
    /**
     * Stable identity: "<platform>/<type-slug>" for declared documents, the corpus folder
     * ("whatsapp/privacy-policy-eea--contrib-versions") for imported series. Each archive
     * extracts text its own way, so each imported folder is its own series.
     */
    key: text("key").notNull().unique(),
    type: text("type").notNull(),
    typeSlug: text("type_slug").notNull(),
    /** Which variant of the text (EEA, global…), when the platform has several. */
    variant: text("variant"),
    url: text("url"),
    locale: text("locale").notNull().default("en"),
    fetcher: text("fetcher").notNull().default("http"),
    select: jsonb("select").$type<SelectorRule[]>(),
    remove: jsonb("remove").$type<SelectorRule[]>(),
    executeClientScripts: boolean("execute_client_scripts").notNull().default(false),
    schedule: text("schedule").notNull().default("0 4 * * *"),
    enabled: boolean("enabled").notNull().default(true),
    /** Where the document came from: a declaration file, an import, or a maintainer. */
    origin: text("origin").notNull().default("declaration"),
    /** For imported series: the archive the versions were copied from. */
    archive: text("archive"),
    license: text("license"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("documents_platform_idx").on(t.platformId)],
);

export type Document = typeof documents.$inferSelect;
export type NewDocument = typeof documents.$inferInsert;
