/** A throwaway, migrated database on the configured server, for benchmarks. */
import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { createDb } from "@/db/client";
import { ensureEmbeddedPostgres, stopEmbeddedPostgresIfIdle } from "@/db/embedded";
import { runMigrations } from "@/db/migrate";
import { adminUrlFrom, databaseUrl } from "@/db/testing/urls";

export async function scratchDatabase() {
  const embedded = process.env.DATABASE_URL ? undefined : await ensureEmbeddedPostgres();
  const adminUrl = process.env.DATABASE_URL
    ? adminUrlFrom(process.env.DATABASE_URL)
    : (embedded?.url("postgres") as string);
  const name = `bench_${randomBytes(4).toString("hex")}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}"`);
  const url = databaseUrl(adminUrl, name);
  const { db, sql } = createDb(url, { max: 4 });
  await runMigrations(db);
  return {
    db,
    sql,
    url,
    async drop() {
      await sql.end({ timeout: 5 });
      await admin.unsafe(`drop database if exists "${name}" with (force)`);
      await admin.end();
      if (embedded) await stopEmbeddedPostgresIfIdle(embedded);
    },
  };
}
