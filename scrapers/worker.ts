/**
 * Background work on pg-boss, in the same PostgreSQL: any number of workers on any machine.
 * - `scrape-tick` (every minute, one worker wins it) enqueues the documents whose cron is due,
 *   each with a jitter of its own so documents scheduled at the same minute spread out;
 * - `scrape` archives one document. Its queue policy is "stately" keyed by document, so a
 *   document never has two runs at once nor more than one waiting.
 * Transient failures are retried with backoff by pg-boss; others are recorded and dropped.
 * One fetch at a time per host across every worker: a PostgreSQL advisory lock per hostname.
 * Every worker writes a heartbeat row, for /health. On stop (SIGTERM) a worker takes no new
 * job, lets the running one finish, and hands it back to the queue if it takes too long.
 * A worker killed outright leaves its job active until it expires; pg-boss then retries it.
 * The version write is one transaction under a unique constraint, so a retry can never add a
 * duplicate version or find a half-written one; the killed run's row is marked abandoned.
 */
import { randomBytes } from "node:crypto";
import { hostname } from "node:os";
import cronParser from "cron-parser";
import { and, eq, inArray, isNotNull, max, ne } from "drizzle-orm";
import PgBoss from "pg-boss";
import type { Db } from "@/db/client";
import { documents, fetchRuns, workerHeartbeats } from "@/db/schema";
import { afterChangeAnalysis } from "./analysis-hook";
import {
  closeBrowser,
  createHostQueue,
  type FetcherKind,
  type FetchOptions,
  type HostQueue,
} from "./fetch";
import { ssrfFetchOptions } from "./fetch/ssrf";
import {
  ensureQueues,
  jitterFor,
  SCRAPE_QUEUE,
  type ScrapeJob,
  sendScrape,
  TICK_QUEUE,
} from "./queue";
import { type ArchiveOptions, archiveDocument } from "./record";

export {
  ensureQueues,
  jitterFor,
  nextRun,
  SCRAPE_QUEUE,
  type ScrapeJob,
  sendScrape,
  TICK_QUEUE,
} from "./queue";

export interface WorkerOptions {
  log?: (line: string) => void;
  /** Seconds a job may stay active before pg-boss considers its worker dead. Default 600. */
  expireInSeconds?: number;
  /** How often pg-boss looks for expired jobs. Default 60. */
  maintenanceIntervalSeconds?: number;
  /** How often the heartbeat row is written. Default 15. */
  heartbeatSeconds?: number;
  /** Polling interval for new jobs. Default 2. */
  pollingIntervalSeconds?: number;
  /** Upper bound of the per-document jitter added to scheduled runs. Default 900. */
  jitterSeconds?: number;
  /** How long stop() lets a running job finish before handing it back. Default 30 000. */
  stopTimeoutMs?: number;
  /** Extra fetch options (tests); the SSRF guard and the host lock are applied first. */
  fetchOptions?: FetchOptions;
  /** Seconds before a failed job's first retry (doubling after). Default 60. */
  retryDelaySeconds?: number;
  /** Observes recording stages (tests kill a worker half-way through a write). */
  onStage?: ArchiveOptions["onStage"];
  /** Whether this worker runs the per-minute tick. Default true. */
  tick?: boolean;
}

export interface Worker {
  boss: PgBoss;
  id: string;
  stop(): Promise<void>;
}

/**
 * One fetch at a time per hostname across every process: a session-level advisory lock on a
 * reserved connection while the fetch runs, then the in-process pause between fetches.
 */
export function advisoryHostQueue(db: Db): HostQueue {
  const local = createHostQueue();
  return {
    run(host, delayMs, task) {
      return local.run(host, delayMs, async () => {
        const reserved = await db.$client.reserve();
        try {
          await reserved`select pg_advisory_lock(7465, hashtext(${host.toLowerCase()}))`;
          return await task();
        } finally {
          await reserved`select pg_advisory_unlock(7465, hashtext(${host.toLowerCase()}))`.catch(
            () => {},
          );
          reserved.release();
        }
      });
    },
  };
}

export async function startWorker(
  db: Db,
  url: string,
  options: WorkerOptions = {},
): Promise<Worker> {
  const log = options.log ?? console.log;
  const id = `${hostname()}:${process.pid}:${randomBytes(3).toString("hex")}`;
  const boss = new PgBoss({
    connectionString: url,
    max: 4,
    application_name: `termtrail-worker@${hostname()}`,
    maintenanceIntervalSeconds: options.maintenanceIntervalSeconds ?? 60,
  });
  boss.on("error", (error) => log(`worker: ${error.message}`));
  await boss.start();
  await ensureQueues(boss, {
    expireInSeconds: options.expireInSeconds,
    retryDelaySeconds: options.retryDelaySeconds,
  });
  if (options.tick !== false) await boss.schedule(TICK_QUEUE, "* * * * *");

  let currentJob: string | null = null;
  const beat = async (extra: { stoppedAt?: Date } = {}) => {
    await db
      .insert(workerHeartbeats)
      .values({ id, host: hostname(), pid: String(process.pid), currentJob, ...extra })
      .onConflictDoUpdate({
        target: workerHeartbeats.id,
        set: { lastSeenAt: new Date(), currentJob, ...extra },
      });
  };
  await beat();
  const heartbeat = setInterval(
    () => void beat().catch((e) => log(`worker heartbeat: ${(e as Error).message}`)),
    (options.heartbeatSeconds ?? 15) * 1000,
  );
  heartbeat.unref();

  const hostQueue = advisoryHostQueue(db);
  const fetchOptions: FetchOptions = {
    ...ssrfFetchOptions(),
    hostQueue,
    ...options.fetchOptions,
  };

  await boss.work<ScrapeJob>(
    SCRAPE_QUEUE,
    { batchSize: 1, pollingIntervalSeconds: options.pollingIntervalSeconds ?? 2 },
    async ([job]) => {
      if (!job) return;
      const [doc] = await db.select().from(documents).where(eq(documents.id, job.data.documentId));
      if (!doc?.url) return;
      const trigger = job.data.trigger ?? "schedule";
      if (!doc.enabled && trigger === "schedule") return; // paused since it was queued
      currentJob = `${job.id} ${doc.key}`;
      void beat().catch(() => {});
      try {
        // The queue runs one job per document at a time, so a run still marked running for
        // this document belongs to a worker that died: it will never finish.
        await db
          .update(fetchRuns)
          .set({
            status: "abandoned",
            finishedAt: new Date(),
            errorClass: "transient",
            errorCode: "worker_lost",
            errorMessage: "The worker running this stopped before finishing; the job was retried",
          })
          .where(
            and(
              eq(fetchRuns.documentId, doc.id),
              eq(fetchRuns.status, "running"),
              ne(fetchRuns.trigger, "cli"),
            ),
          );
        const result = await archiveDocument(
          db,
          {
            documentId: doc.id,
            url: doc.url,
            fetcher: doc.fetcher as FetcherKind,
            executeClientScripts: doc.executeClientScripts,
            select: doc.select,
            remove: doc.remove,
          },
          { trigger, afterChange: afterChangeAnalysis, fetchOptions, onStage: options.onStage },
        );
        log(`worker: ${doc.key}: ${result.status}${result.error ? ` (${result.error.code})` : ""}`);
        // Throwing hands the job back to pg-boss, which retries it with backoff.
        if (result.error?.errorClass === "transient") throw new Error(result.error.message);
      } finally {
        currentJob = null;
      }
    },
  );
  if (options.tick !== false) {
    await boss.work(TICK_QUEUE, async () => {
      await enqueueDueDocuments(db, boss, new Date(), { jitterSeconds: options.jitterSeconds });
    });
  }

  let stopping: Promise<void> | undefined;
  return {
    boss,
    id,
    stop() {
      stopping ??= (async () => {
        // Graceful: no new jobs; the running one finishes, or is handed back (failed, so
        // retried) when the timeout passes.
        await boss.offWork(SCRAPE_QUEUE).catch(() => {});
        await boss.offWork(TICK_QUEUE).catch(() => {});
        await boss.stop({ graceful: true, wait: true, timeout: options.stopTimeoutMs ?? 30_000 });
        clearInterval(heartbeat);
        await beat({ stoppedAt: new Date() }).catch(() => {});
        await closeBrowser();
      })();
      return stopping;
    },
  };
}

/** Documents whose cron fired since their last run get a scrape job. */
export async function enqueueDueDocuments(
  db: Db,
  boss: PgBoss,
  now = new Date(),
  options: { jitterSeconds?: number } = {},
) {
  const rows = await db
    .select({
      id: documents.id,
      schedule: documents.schedule,
      createdAt: documents.createdAt,
      lastRun: max(fetchRuns.startedAt),
    })
    .from(documents)
    .leftJoin(fetchRuns, eq(fetchRuns.documentId, documents.id))
    .where(
      and(
        eq(documents.enabled, true),
        isNotNull(documents.url),
        inArray(documents.origin, ["declaration", "maintainer"]),
      ),
    )
    .groupBy(documents.id);
  let queued = 0;
  for (const row of rows) {
    let previousFire: Date;
    try {
      previousFire = cronParser
        .parseExpression(row.schedule, { currentDate: now, utc: true })
        .prev()
        .toDate();
    } catch {
      continue;
    }
    // A new document waits for its first scheduled time rather than running at once.
    if ((row.lastRun ?? row.createdAt) >= previousFire) continue;
    // Jitter spreads documents scheduled at the same minute over the window; the job that
    // is already waiting (singleton per document) makes a second send a no-op.
    const elapsed = Math.floor((now.getTime() - previousFire.getTime()) / 1000);
    const delay = Math.max(0, jitterFor(row.id, options.jitterSeconds ?? 900) - elapsed);
    const jobId = await sendScrape(boss, { documentId: row.id, trigger: "schedule" }, delay);
    if (jobId) queued++;
  }
  return queued;
}
