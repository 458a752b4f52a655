/**
 * Background work on pg-boss, in the same PostgreSQL: any number of workers on any machine.
 * - `scrape-tick` (every minute, one worker wins it) enqueues the documents whose cron is due;
 * - `scrape` archives one document. Its queue policy is "stately" keyed by document, so a
 *   document never has two runs at once nor more than one waiting.
 * Transient failures are retried with backoff by pg-boss; others are recorded and dropped.
 */
import { hostname } from "node:os";
import cronParser from "cron-parser";
import { and, eq, max } from "drizzle-orm";
import PgBoss from "pg-boss";
import type { Db } from "@/db/client";
import { documents, fetchRuns } from "@/db/schema";
import { afterChangeAnalysis } from "./analysis-hook";
import { closeBrowser, type FetcherKind } from "./fetch";
import { archiveDocument } from "./record";

export const SCRAPE_QUEUE = "scrape";
const TICK_QUEUE = "scrape-tick";

export interface ScrapeJob {
  documentId: number;
  trigger?: string;
}

export interface Worker {
  boss: PgBoss;
  stop(): Promise<void>;
}

export async function startWorker(
  db: Db,
  url: string,
  options: { log?: (line: string) => void; concurrency?: number } = {},
): Promise<Worker> {
  const log = options.log ?? console.log;
  const boss = new PgBoss({
    connectionString: url,
    max: 4,
    application_name: `termtrail-worker@${hostname()}`,
  });
  boss.on("error", (error) => log(`worker: ${error.message}`));
  await boss.start();
  await boss.createQueue(SCRAPE_QUEUE, {
    name: SCRAPE_QUEUE,
    policy: "stately",
    retryLimit: 3,
    retryDelay: 60,
    retryBackoff: true,
  });
  await boss.createQueue(TICK_QUEUE, { name: TICK_QUEUE, policy: "singleton" });
  await boss.schedule(TICK_QUEUE, "* * * * *");

  await boss.work<ScrapeJob>(
    SCRAPE_QUEUE,
    { batchSize: 1, pollingIntervalSeconds: 2 },
    async ([job]) => {
      if (!job) return;
      const [doc] = await db.select().from(documents).where(eq(documents.id, job.data.documentId));
      if (!doc?.url) return;
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
        { trigger: job.data.trigger ?? "schedule", afterChange: afterChangeAnalysis },
      );
      log(`worker: ${doc.key}: ${result.status}${result.error ? ` (${result.error.code})` : ""}`);
      // Throwing hands the job back to pg-boss, which retries it with backoff.
      if (result.error?.errorClass === "transient") throw new Error(result.error.message);
    },
  );
  await boss.work(TICK_QUEUE, async () => {
    await enqueueDueDocuments(db, boss);
  });

  return {
    boss,
    async stop() {
      // Graceful: running jobs finish (or are handed back when the timeout passes).
      await boss.stop({ graceful: true, wait: true, timeout: 30_000 });
      await closeBrowser();
    },
  };
}

/** Documents whose cron fired since their last run get a scrape job. */
export async function enqueueDueDocuments(db: Db, boss: PgBoss, now = new Date()) {
  const rows = await db
    .select({
      id: documents.id,
      schedule: documents.schedule,
      createdAt: documents.createdAt,
      lastRun: max(fetchRuns.startedAt),
    })
    .from(documents)
    .leftJoin(fetchRuns, eq(fetchRuns.documentId, documents.id))
    .where(and(eq(documents.enabled, true), eq(documents.origin, "declaration")))
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
    // Jitter spreads documents scheduled at the same minute over a few minutes.
    const jitterSeconds = row.id % 300;
    await boss.send(SCRAPE_QUEUE, { documentId: row.id, trigger: "schedule" } satisfies ScrapeJob, {
      singletonKey: String(row.id),
      startAfter: jitterSeconds,
    });
    queued++;
  }
  return queued;
}
