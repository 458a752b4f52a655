import { pgTable, serial, text } from "drizzle-orm/pg-core";

/** The fixed taxonomy of personal data (aligned with OPP-115, extended for the cases). */
export const dataCategories = pgTable("data_categories", {
  slug: text("slug").primaryKey(),
  label: text("label").notNull(),
  description: text("description").notNull(),
});

export const RECIPIENT_KINDS = [
  "group_company",
  "advertisers",
  "partners",
  "rights_holders",
  "mobile_networks",
  "named_company",
  "other",
] as const;
export type RecipientKind = (typeof RECIPIENT_KINDS)[number];

/** Who receives data: a group ("Facebook Companies"), a class (advertisers), or a company. */
export const recipients = pgTable("recipients", {
  id: serial("id").primaryKey(),
  name: text("name").notNull().unique(),
  kind: text("kind").$type<RecipientKind>().notNull(),
});
