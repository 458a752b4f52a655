/**
 * The scrape queue's shape, shared by the workers and the web tier (which only sends jobs):
 * kept free of the fetchers so the dashboard does not bundle them.
 */
import cronParser from "cron-parser";
import type PgBoss from "pg-boss";

export const SCRAPE_QUEUE = "scrape";
export const TICK_QUEUE = "scrape-tick";

export interface ScrapeJob {
  documentId: number;
  trigger?: string;
}

/** The scrape and tick queues, created once (idempotent); shared with the web tier's sender. */
export async function ensureQueues(
  boss: PgBoss,
  options: { expireInSeconds?: number; retryDelaySeconds?: number } = {},
) {
  const settings: PgBoss.Queue = {
    name: SCRAPE_QUEUE,
    policy: "stately",
    retryLimit: 3,
    retryDelay: options.retryDelaySeconds ?? 60,
    retryBackoff: true,
    expireInSeconds: options.expireInSeconds ?? 600,
  };
  const existing = await boss.getQueue(SCRAPE_QUEUE);
  if (!existing) await boss.createQueue(SCRAPE_QUEUE, settings);
  else if (options.expireInSeconds !== undefined || options.retryDelaySeconds !== undefined) {
    await boss.updateQueue(SCRAPE_QUEUE, settings);
  }
  if (!(await boss.getQueue(TICK_QUEUE))) {
    await boss.createQueue(TICK_QUEUE, { name: TICK_QUEUE, policy: "singleton" });
  }
}

/** Asks for a run of one document now (the "Run now" button); null when one already waits. */
export async function sendScrape(boss: PgBoss, job: ScrapeJob, startAfterSeconds = 0) {
  return boss.send(SCRAPE_QUEUE, job satisfies ScrapeJob, {
    singletonKey: String(job.documentId),
    startAfter: startAfterSeconds,
  });
}

/** A stable delay per document in [0, window): the same document always lands at the same offset. */
export function jitterFor(documentId: number, windowSeconds = 900): number {
  if (windowSeconds <= 0) return 0;
  // Knuth's multiplicative hash spreads consecutive ids over the window.
  return ((documentId * 2654435761) >>> 0) % windowSeconds;
}

/** The next scheduled run of a cron (UTC), with the document's jitter. */
export function nextRun(schedule: string, documentId: number, now = new Date(), jitter = 900) {
  try {
    const next = cronParser.parseExpression(schedule, { currentDate: now, utc: true }).next();
    return new Date(next.getTime() + jitterFor(documentId, jitter) * 1000);
  } catch {
    return null;
  }
}
