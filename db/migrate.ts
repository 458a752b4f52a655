import path from "node:path";
import { migrate } from "drizzle-orm/postgres-js/migrator";
import type { Db } from "./client";
import { PROJECT_ROOT } from "./embedded";

export const MIGRATIONS_FOLDER = path.join(PROJECT_ROOT, "db", "migrations");
const MIGRATION_LOCK = 7461001;

/** Applies the committed migrations; a session advisory lock keeps concurrent starts from racing. */
export async function runMigrations(db: Db): Promise<void> {
  // One connection holds the lock while drizzle migrates on another: a pool of one would wait
  // for itself forever.
  if ((db.$client.options.max ?? 10) < 2) {
    throw new Error(
      "runMigrations needs a database pool of at least 2 connections (createDb(url, { max: 2 }))",
    );
  }
  const lock = await db.$client.reserve();
  try {
    await lock`select pg_advisory_lock(${MIGRATION_LOCK})`;
    await migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
  } finally {
    await lock`select pg_advisory_unlock(${MIGRATION_LOCK})`.catch(() => {});
    lock.release();
  }
}
