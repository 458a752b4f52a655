import {
  bigserial,
  customType,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
} from "drizzle-orm/pg-core";

const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => "bytea" });

/** A raw capture as served. Immutable, and stored once per distinct sha256. */
export const snapshots = pgTable("snapshots", {
  id: bigserial("id", { mode: "number" }).primaryKey(),
  sha256: text("sha256").notNull().unique(),
  contentType: text("content_type").notNull(),
  finalUrl: text("final_url").notNull(),
  byteSize: integer("byte_size").notNull(),
  /** The bytes, brotli-compressed. */
  compressed: bytea("compressed").notNull(),
  compression: text("compression").notNull().default("br"),
  headers: jsonb("headers").$type<Record<string, string>>(),
  firstFetchedAt: timestamp("first_fetched_at", { withTimezone: true }).notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

export type Snapshot = typeof snapshots.$inferSelect;
