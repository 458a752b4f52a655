/**
 * The web tier's handle on the scrape queue: it only sends jobs ("Run now"); workers run
 * them. One pg-boss client per web process, without maintenance or scheduling of its own.
 */
import PgBoss from "pg-boss";
import { ensureQueues, SCRAPE_QUEUE, type ScrapeJob, sendScrape } from "@/scrapers/queue";

const globalForBoss = globalThis as unknown as { termtrailBoss?: Promise<PgBoss> };

export function getBoss(): Promise<PgBoss> {
  globalForBoss.termtrailBoss ??= (async () => {
    const { ensureEmbeddedPostgres } = await import("@/db/embedded");
    const url = process.env.DATABASE_URL ?? (await ensureEmbeddedPostgres()).url();
    const boss = new PgBoss({ connectionString: url, max: 2, supervise: false, schedule: false });
    boss.on("error", (error) => console.error(`queue: ${error.message}`));
    await boss.start();
    await ensureQueues(boss);
    return boss;
  })().catch((error) => {
    globalForBoss.termtrailBoss = undefined;
    throw error;
  });
  return globalForBoss.termtrailBoss;
}

/** Queues a run of the document now; null when one is already waiting or running. */
export async function requestRun(job: ScrapeJob): Promise<string | null> {
  return sendScrape(await getBoss(), job);
}

/** The scrape queue's jobs by state (created, retry, active…), for /health. */
export async function queueBacklog(): Promise<Record<string, number>> {
  const boss = await getBoss();
  const db = boss.getDb();
  const result = (await db.executeSql(
    "select state, count(*)::int as n from pgboss.job where name = $1 group by state",
    [SCRAPE_QUEUE],
  )) as { rows: Array<{ state: string; n: number }> };
  return Object.fromEntries(result.rows.map((r) => [r.state, r.n]));
}
