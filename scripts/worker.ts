/**
 * npm run worker: a scrape worker only (no web server), on DATABASE_URL's PostgreSQL (or the
 * embedded one). Start as many as you like, on as many machines: they share the pg-boss queue,
 * never run one document twice at once, and fetch from one host one request at a time.
 * SIGTERM or Ctrl-C: the running job finishes (or is handed back after 30 s), then it exits.
 */
import { connect } from "../db/client";
import { runMigrations } from "../db/migrate";
import { startWorker } from "../scrapers/worker";

const log = (line: string) => console.log(`[worker] ${line}`);
const connection = await connect({ log });
await runMigrations(connection.db);
const worker = await startWorker(connection.db, connection.url, {
  log,
  expireInSeconds: process.env.TERMTRAIL_JOB_EXPIRE_SECONDS
    ? Number(process.env.TERMTRAIL_JOB_EXPIRE_SECONDS)
    : undefined,
  maintenanceIntervalSeconds: process.env.TERMTRAIL_MAINTENANCE_SECONDS
    ? Number(process.env.TERMTRAIL_MAINTENANCE_SECONDS)
    : undefined,
  pollingIntervalSeconds: process.env.TERMTRAIL_POLL_SECONDS
    ? Number(process.env.TERMTRAIL_POLL_SECONDS)
    : undefined,
});
log(`Worker ${worker.id} running`);

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  log(`${signal}: finishing the current job, then stopping`);
  await worker.stop().catch((e) => log(`stop: ${(e as Error).message}`));
  await connection.close();
  log("Stopped");
  process.exit(0);
}
process.on("SIGTERM", () => void shutdown("SIGTERM"));
process.on("SIGINT", () => void shutdown("SIGINT"));
