/**
 * The web tier's database handle: one pool per server process, created on first use.
 * `npm start` passes DATABASE_URL (the embedded server's URL when there is no other).
 */
import { createDb, type Db } from "./client";
import { ensureEmbeddedPostgres } from "./embedded";

const globalForDb = globalThis as unknown as { termtrailDb?: Promise<Db> };

export function getDb(): Promise<Db> {
  globalForDb.termtrailDb ??= (async () => {
    const url = process.env.DATABASE_URL ?? (await ensureEmbeddedPostgres()).url();
    return createDb(url, { max: 10 }).db;
  })();
  return globalForDb.termtrailDb;
}
