import { bigserial, index, jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/** Who changed which source, schedule, event, case or user, when, and from what to what. */
export const auditLog = pgTable(
  "audit_log",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    /** The user's id and email at the time (kept even if the user is deleted). */
    actorId: text("actor_id"),
    actorEmail: text("actor_email").notNull(),
    /** e.g. source.create, source.update, source.pause, finding.confirm, event.update. */
    action: text("action").notNull(),
    entity: text("entity").notNull(),
    entityId: text("entity_id").notNull(),
    before: jsonb("before").$type<Record<string, unknown> | null>(),
    after: jsonb("after").$type<Record<string, unknown> | null>(),
  },
  (t) => [
    index("audit_log_at_idx").on(t.at),
    index("audit_log_entity_idx").on(t.entity, t.entityId),
  ],
);

/** Each worker process writes a heartbeat, so /health can say when each was last seen. */
export const workerHeartbeats = pgTable("worker_heartbeats", {
  id: text("id").primaryKey(),
  host: text("host").notNull(),
  pid: text("pid").notNull(),
  startedAt: timestamp("started_at", { withTimezone: true }).notNull().defaultNow(),
  lastSeenAt: timestamp("last_seen_at", { withTimezone: true }).notNull().defaultNow(),
  /** The job it is working on, if any. */
  currentJob: text("current_job"),
  stoppedAt: timestamp("stopped_at", { withTimezone: true }),
});
