import { pgTable, serial, text, timestamp } from "drizzle-orm/pg-core";

export const platforms = pgTable("platforms", {
  id: serial("id").primaryKey(),
  slug: text("slug").notNull().unique(),
  name: text("name").notNull(),
  /** The group that owns the platform (Meta, Amazon…), when there is one. */
  parent: text("parent"),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

export type Platform = typeof platforms.$inferSelect;
