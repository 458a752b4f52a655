/**
 * npm start: the database (embedded unless DATABASE_URL is set), migrations, the first-run
 * seed, one in-process worker, and the Next.js dashboard on PORT (default 3000).
 * Ctrl-C stops everything, the embedded database included.
 */
import { spawn } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { connect } from "../db/client";
import { PROJECT_ROOT } from "../db/embedded";
import { runMigrations } from "../db/migrate";
import { seedIfNeeded } from "../db/seed";
import { startWorker } from "../scrapers/worker";

const port = process.env.PORT ?? "3000";
const log = (line: string) => console.log(`[termtrail] ${line}`);

const connection = await connect({ log });
log(
  connection.embedded
    ? `Embedded PostgreSQL on 127.0.0.1:${connection.embedded.port} (.data/pg)`
    : "PostgreSQL from DATABASE_URL",
);
await runMigrations(connection.db);
// The build needs no database, so it runs while the first-run seed imports the history.
let build: Promise<void> | undefined;
if (needsBuild()) {
  log("Building the dashboard (first start, or sources changed)…");
  build = runNext(["build"]);
}
await seedIfNeeded(connection.db, log);
const worker = await startWorker(connection.db, connection.url, { log });
log("Worker running (pg-boss)");
await build;
const web = spawn(process.execPath, [nextBin(), "start", "-p", port], {
  cwd: PROJECT_ROOT,
  stdio: "inherit",
  env: { ...process.env, DATABASE_URL: connection.url, NEXT_TELEMETRY_DISABLED: "1" },
});
// Created at once: a child killed by a signal keeps exitCode null, and its "exit" may have fired
// before shutdown looks.
const webExited = new Promise<void>((resolve) => web.once("exit", () => resolve()));
log(`Dashboard on http://localhost:${port}`);

let stopping = false;
async function shutdown(code: number) {
  if (stopping) return;
  stopping = true;
  log("Stopping…");
  web.kill("SIGTERM");
  await worker.stop().catch((e) => log(`worker stop: ${(e as Error).message}`));
  await webExited;
  await connection.close();
  process.exit(code);
}
process.on("SIGINT", () => void shutdown(0));
process.on("SIGTERM", () => void shutdown(0));
web.on("exit", (code) => {
  if (!stopping) {
    log(`The web server exited (${code}); stopping.`);
    void shutdown(code ?? 1);
  }
});

function nextBin() {
  return path.join(PROJECT_ROOT, "node_modules", "next", "dist", "bin", "next");
}

function runNext(args: string[]) {
  return new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, [nextBin(), ...args], {
      cwd: PROJECT_ROOT,
      stdio: "inherit",
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
    });
    child.on("exit", (code) =>
      code === 0 ? resolve() : reject(new Error(`next ${args.join(" ")} failed (${code})`)),
    );
  });
}

/** A production build is reused until a source file is newer than it. */
function needsBuild(): boolean {
  const buildId = path.join(PROJECT_ROOT, ".next", "BUILD_ID");
  if (!existsSync(buildId)) return true;
  const built = statSync(buildId).mtimeMs;
  const newest = (dir: string): number => {
    let latest = 0;
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      latest = Math.max(latest, entry.isDirectory() ? newest(full) : statSync(full).mtimeMs);
    }
    return latest;
  };
  const sources = ["app", "db/queries", "db/schema", "public"].map((d) =>
    path.join(PROJECT_ROOT, d),
  );
  const files = ["next.config.ts", "package-lock.json"].map((f) => path.join(PROJECT_ROOT, f));
  const latest = Math.max(
    ...sources.filter(existsSync).map(newest),
    ...files.filter(existsSync).map((f) => statSync(f).mtimeMs),
  );
  return latest > built;
}
