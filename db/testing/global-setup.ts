/**
 * Vitest global setup: one real PostgreSQL for the whole run (DATABASE_URL's server, or an
 * embedded one under .test-data/), with a template database already migrated. Each test file
 * then clones the template into a fresh database of its own (see ./index.ts), which is fast.
 */
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { createDb } from "../client";
import {
  defaultPort,
  type EmbeddedServer,
  ensureDatabase,
  ensureEmbeddedPostgres,
  PROJECT_ROOT,
  stopEmbeddedPostgresIfIdle,
} from "../embedded";
import { MIGRATIONS_FOLDER, runMigrations } from "../migrate";
import { adminUrlFrom, databaseUrl } from "./urls";

function migrationsHash(): string {
  const hash = createHash("sha256");
  for (const file of readdirSync(MIGRATIONS_FOLDER)
    .filter((f) => f.endsWith(".sql"))
    .sort()) {
    hash.update(readFileSync(path.join(MIGRATIONS_FOLDER, file)));
  }
  return hash.digest("hex").slice(0, 10);
}

let embedded: EmbeddedServer | undefined;

export default async function setup(project: TestProject) {
  let adminUrl: string;
  if (process.env.DATABASE_URL) {
    adminUrl = adminUrlFrom(process.env.DATABASE_URL);
  } else {
    embedded = await ensureEmbeddedPostgres({
      dataDir: path.join(PROJECT_ROOT, ".test-data", "pg"),
      port: Number(process.env.TERMTRAIL_TEST_DB_PORT ?? defaultPort() + 1000),
    });
    adminUrl = embedded.url("postgres");
  }
  const template = `termtrail_tpl_${migrationsHash()}`;
  await ensureDatabase(adminUrl, template);
  const { db, sql } = createDb(databaseUrl(adminUrl, template), { max: 2 });
  await runMigrations(db);
  await sql.end();
  project.provide("testDb", { adminUrl, template });

  return async () => {
    if (embedded) await stopEmbeddedPostgresIfIdle(embedded);
  };
}

declare module "vitest" {
  export interface ProvidedContext {
    testDb: { adminUrl: string; template: string };
  }
}
