/**
 * The server the browser tests run against: the production build on a fresh database seeded
 * like a first `npm start` (declarations, curated seed, the packed corpus history), on the
 * test cluster (DATABASE_URL's server, or the embedded one under .test-data/).
 */
import { spawn, spawnSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { hashPassword } from "better-auth/crypto";
import postgres from "postgres";
import { createDb } from "../db/client";
import {
  defaultPort,
  ensureEmbeddedPostgres,
  PROJECT_ROOT,
  stopEmbeddedPostgresIfIdle,
} from "../db/embedded";
import { runMigrations } from "../db/migrate";
import { accounts, users } from "../db/schema";
import { seedIfNeeded } from "../db/seed";
import { adminUrlFrom, databaseUrl } from "../db/testing/urls";
import { startWorker } from "../scrapers/worker";

// The maintainers spec points sources at a fixture server on 127.0.0.1.
process.env.TERMTRAIL_ALLOW_PRIVATE_URLS = "1";

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
// A maintainer to sign in with (e2e/maintainers.spec.ts), and where the specs find the database.
const maintainerId = randomUUID();
await db.insert(users).values({
  id: maintainerId,
  email: process.env.E2E_MAINTAINER_EMAIL ?? "maintainer@e2e.test",
  name: "E2E maintainer",
  role: "maintainer",
});
await db.insert(accounts).values({
  id: randomUUID(),
  accountId: maintainerId,
  providerId: "credential",
  userId: maintainerId,
  password: await hashPassword(process.env.E2E_MAINTAINER_PASSWORD ?? "e2e-maintainer-password"),
});
mkdirSync(path.join(PROJECT_ROOT, ".test-data"), { recursive: true });
writeFileSync(path.join(PROJECT_ROOT, ".test-data", "e2e-database-url"), url);
await sql.end();

// A worker for "Run now"; its connections also keep the shared test cluster in use during the
// build, so another process finishing cannot stop it as idle.
const workerDb = createDb(url, { max: 4 });
const worker = await startWorker(workerDb.db, url, {
  pollingIntervalSeconds: 1,
  log: (line) => console.log(`[e2e] ${line}`),
});

const next = path.join(PROJECT_ROOT, "node_modules", "next", "dist", "bin", "next");
const build = spawnSync(process.execPath, [next, "build"], { cwd: PROJECT_ROOT, stdio: "inherit" });
if (build.status !== 0) process.exit(build.status ?? 1);
const web = spawn(process.execPath, [next, "start", "-p", port, "-H", "127.0.0.1"], {
  cwd: PROJECT_ROOT,
  stdio: "inherit",
  env: { ...process.env, DATABASE_URL: url },
});
// Created at once: the same signal may stop the web server before stop() looks.
const webExited = new Promise((r) => web.once("exit", r));
const stop = async () => {
  await worker.stop().catch(() => {});
  await workerDb.sql.end().catch(() => {});
  web.kill("SIGTERM");
  await webExited;
  if (embedded) await stopEmbeddedPostgresIfIdle(embedded);
  process.exit(0);
};
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
