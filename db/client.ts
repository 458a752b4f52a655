import { drizzle, type PostgresJsDatabase } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import {
  type EmbeddedServer,
  ensureEmbeddedPostgres,
  stopEmbeddedPostgresIfIdle,
} from "./embedded";
import * as schema from "./schema";

export type Db = PostgresJsDatabase<typeof schema> & { $client: postgres.Sql };

export interface Connection {
  db: Db;
  sql: postgres.Sql;
  url: string;
  embedded?: EmbeddedServer;
  /** Closes the pool, and stops the embedded server if nothing else uses it. */
  close(): Promise<void>;
}

export function createDb(
  url: string,
  options: { max?: number } = {},
): { db: Db; sql: postgres.Sql } {
  const sql = postgres(url, {
    max: options.max ?? 10,
    onnotice: () => {},
    // Dates as ISO strings from raw queries are surprising; keep timestamps as Date objects.
    types: {},
  });
  const db = drizzle(sql, { schema }) as Db;
  return { db, sql };
}

/**
 * The database every command uses: DATABASE_URL when set, otherwise the embedded
 * PostgreSQL of this checkout (started if needed).
 */
export async function connect(
  options: { max?: number; log?: (line: string) => void } = {},
): Promise<Connection> {
  const log = options.log ?? ((line: string) => console.error(line));
  const fromEnv = process.env.DATABASE_URL;
  const embedded = fromEnv ? undefined : await ensureEmbeddedPostgres({ log });
  const url = fromEnv ?? (embedded as EmbeddedServer).url();
  const { db, sql } = createDb(url, options);
  return {
    db,
    sql,
    url,
    embedded,
    async close() {
      await sql.end({ timeout: 5 });
      if (embedded) await stopEmbeddedPostgresIfIdle(embedded, log);
    },
  };
}
