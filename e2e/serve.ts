/**
 * The server the browser tests run against: the production build on a fresh database seeded
 * like a first `npm start` (declarations, curated seed, the packed corpus history), on the
 * test cluster (DATABASE_URL's server, or the embedded one under .test-data/).
 */
import { spawn, spawnSync } from "node:child_process";
import path from "node:path";
import postgres from "postgres";
import { createDb } from "../db/client";
import {
  defaultPort,
  ensureEmbeddedPostgres,
  PROJECT_ROOT,
  stopEmbeddedPostgresIfIdle,
} from "../db/embedded";
import { runMigrations } from "../db/migrate";
import { seedIfNeeded } from "../db/seed";
import { adminUrlFrom, databaseUrl } from "../db/testing/urls";

const port = process.env.E2E_PORT ?? "3100";
const embedded = process.env.DATABASE_URL
  ? undefined
  : await ensureEmbeddedPostgres({
      dataDir: path.join(PROJECT_ROOT, ".test-data", "pg"),
      port: Number(process.env.TERMTRAIL_TEST_DB_PORT ?? defaultPort() + 1000),
    });
const adminUrl = embedded
  ? embedded.url("postgres")
  : adminUrlFrom(process.env.DATABASE_URL as string);
const name = "termtrail_e2e";
const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
await admin.unsafe(`drop database if exists "${name}" with (force)`);
await admin.unsafe(`create database "${name}"`);
await admin.end();
const url = databaseUrl(adminUrl, name);
const { db, sql } = createDb(url, { max: 4 });
await runMigrations(db);
await seedIfNeeded(db, (line) => console.log(`[e2e] ${line}`));
await sql.end();

const next = path.join(PROJECT_ROOT, "node_modules", "next", "dist", "bin", "next");
const build = spawnSync(process.execPath, [next, "build"], { cwd: PROJECT_ROOT, stdio: "inherit" });
if (build.status !== 0) process.exit(build.status ?? 1);
const web = spawn(process.execPath, [next, "start", "-p", port, "-H", "127.0.0.1"], {
  cwd: PROJECT_ROOT,
  stdio: "inherit",
  env: { ...process.env, DATABASE_URL: url },
});
const stop = async () => {
  web.kill("SIGTERM");
  await new Promise((r) => web.once("exit", r));
  if (embedded) await stopEmbeddedPostgresIfIdle(embedded);
  process.exit(0);
};
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
