import { spawn } from "node:child_process";
import path from "node:path";
import { count, eq } from "drizzle-orm";
import PgBoss from "pg-boss";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { upsertDocument, upsertPlatform } from "@/db/queries/archive";
import { documents, fetchRuns, snapshots, versions, workerHeartbeats } from "@/db/schema";
import { createTestDatabase, type TestDatabase } from "@/db/testing";
import { type FixtureServer, startFixtureServer } from "./testing/fixture-server";
import {
  enqueueDueDocuments,
  ensureQueues,
  jitterFor,
  nextRun,
  SCRAPE_QUEUE,
  startWorker,
  type Worker,
} from "./worker";

let t: TestDatabase;
let server: FixtureServer;
let boss: PgBoss;
const workers: Worker[] = [];

const PAGE = (word: string) =>
  `<html><body><main><h1>Privacy</h1><p>We collect your ${word} and share it with partners.</p></main></body></html>`;

beforeAll(async () => {
  process.env.TERMTRAIL_ALLOW_PRIVATE_URLS = "1";
  t = await createTestDatabase();
  server = await startFixtureServer();
  boss = new PgBoss({ connectionString: t.url, max: 2 });
  await boss.start();
  await ensureQueues(boss, { expireInSeconds: 3, retryDelaySeconds: 1 });
});
afterAll(async () => {
  for (const w of workers) await w.stop().catch(() => {});
  await boss.stop({ graceful: false }).catch(() => {});
  await server.close();
  await t.drop();
});

async function until<T>(what: string, check: () => Promise<T | undefined | false>, ms = 60_000) {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

async function makeDocument(key: string, pagePath: string, schedule = "0 4 * * *") {
  const platform = await upsertPlatform(t.db, { slug: "acme", name: "Acme" });
  return upsertDocument(t.db, {
    platformId: platform.id,
    key,
    type: "Privacy Policy",
    typeSlug: "privacy-policy",
    url: `${server.url}${pagePath}`,
    schedule,
    createdAt: new Date("2020-01-01T00:00:00Z"),
    origin: "maintainer",
  });
}

const inProcess = (extra: Partial<Parameters<typeof startWorker>[2]> = {}) =>
  startWorker(t.db, t.url, {
    log: () => {},
    tick: false,
    pollingIntervalSeconds: 0.5,
    expireInSeconds: 3,
    retryDelaySeconds: 1,
    maintenanceIntervalSeconds: 1,
    fetchOptions: { hostDelayMs: 0, respectRobots: false },
    ...extra,
  }).then((w) => {
    workers.push(w);
    return w;
  });

describe("scheduling", () => {
  it("spreads documents with a stable jitter and shows the next run", () => {
    expect(jitterFor(1, 900)).toBe(jitterFor(1, 900));
    expect(new Set([1, 2, 3, 4, 5].map((id) => jitterFor(id, 900))).size).toBe(5);
    for (const id of [1, 2, 3]) expect(jitterFor(id, 900)).toBeLessThan(900);
    const next = nextRun("0 4 * * *", 7, new Date("2026-01-01T05:00:00Z"), 900);
    expect(next?.toISOString().slice(0, 13)).toBe("2026-01-02T04");
  });

  it("a scheduled job runs: the due document is enqueued by the tick and archived by a worker", async () => {
    server.setPage("/scheduled", PAGE("email address"));
    const doc = await makeDocument("acme/scheduled", "/scheduled", "*/5 * * * *");
    const paused = await makeDocument("acme/paused", "/scheduled-paused", "*/5 * * * *");
    await t.db.update(documents).set({ enabled: false }).where(eq(documents.id, paused.id));

    const queued = await enqueueDueDocuments(t.db, boss, new Date(), { jitterSeconds: 0 });
    expect(queued).toBe(1); // the paused one is not
    // A second tick while the job waits adds nothing: one waiting run per document.
    expect(await enqueueDueDocuments(t.db, boss, new Date(), { jitterSeconds: 0 })).toBe(0);

    const w = await inProcess();
    const run = await until("the scheduled run", async () => {
      const [r] = await t.db.select().from(fetchRuns).where(eq(fetchRuns.documentId, doc.id));
      return r && r.status !== "running" ? r : undefined;
    });
    expect(run.status).toBe("new_version");
    expect(run.trigger).toBe("schedule");
    expect(server.requestsFor("/scheduled-paused")).toHaveLength(0);
    // Once run, the document is not due again until its next cron time.
    expect(await enqueueDueDocuments(t.db, boss, new Date(), { jitterSeconds: 0 })).toBe(0);

    const [beat] = await t.db.select().from(workerHeartbeats).where(eq(workerHeartbeats.id, w.id));
    expect(beat?.lastSeenAt.getTime()).toBeGreaterThan(Date.now() - 60_000);
    await w.stop();
    const [stopped] = await t.db
      .select()
      .from(workerHeartbeats)
      .where(eq(workerHeartbeats.id, w.id));
    expect(stopped?.stoppedAt).toBeTruthy();
  });
});

describe("a worker killed with SIGKILL in the middle of a job", () => {
  it("has its job retried, with no duplicate version and no half-written row", async () => {
    server.setPage("/killed", PAGE("phone number"));
    const doc = await makeDocument("acme/killed", "/killed");
    const n = async () =>
      (await t.db.select({ n: count() }).from(versions).where(eq(versions.documentId, doc.id)))[0]
        ?.n;
    const versionsBefore = (await t.db.select({ n: count() }).from(versions))[0]?.n ?? 0;
    const snapshotsBefore = (await t.db.select({ n: count() }).from(snapshots))[0]?.n ?? 0;

    const child = spawn(
      process.execPath,
      ["--import", "tsx", path.join(import.meta.dirname, "worker.child.ts")],
      {
        env: {
          ...process.env,
          DATABASE_URL: t.url,
          HANG_AT: "version_written",
          TERMTRAIL_ALLOW_PRIVATE_URLS: "1",
        },
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    let output = "";
    child.stdout.on("data", (d) => (output += d));
    child.stderr.on("data", (d) => (output += d));
    await until("the child worker", async () => output.includes("READY"), 60_000);
    const jobId = await boss.send(
      SCRAPE_QUEUE,
      { documentId: doc.id, trigger: "run_now" },
      { singletonKey: String(doc.id) },
    );
    expect(jobId).toBeTruthy();
    // The child wrote the snapshot and the version inside its transaction, and hangs there.
    await until("the child to be mid-write", async () => output.includes("HANGING"), 60_000);
    child.kill("SIGKILL");
    await new Promise((resolve) => child.once("exit", resolve));

    // Nothing of the uncommitted capture is visible; the run is left "running".
    expect((await t.db.select({ n: count() }).from(versions))[0]?.n).toBe(versionsBefore);
    expect((await t.db.select({ n: count() }).from(snapshots))[0]?.n).toBe(snapshotsBefore);
    const [orphan] = await t.db.select().from(fetchRuns).where(eq(fetchRuns.documentId, doc.id));
    expect(orphan?.status).toBe("running");

    // Another worker picks the job up once it expires, and archives the document once.
    await inProcess();
    await until(
      "the retried run",
      async () => {
        const runs = await t.db.select().from(fetchRuns).where(eq(fetchRuns.documentId, doc.id));
        return runs.some((r) => r.status === "new_version");
      },
      60_000,
    );
    const runs = await t.db
      .select()
      .from(fetchRuns)
      .where(eq(fetchRuns.documentId, doc.id))
      .orderBy(fetchRuns.id);
    expect(runs.map((r) => r.status)).toEqual(["abandoned", "new_version"]);
    expect(runs[0]?.errorCode).toBe("worker_lost");
    const job = await boss.getJobById(SCRAPE_QUEUE, jobId as string);
    expect(job?.retryCount).toBeGreaterThanOrEqual(1);
    expect(job?.state).toBe("completed");
    expect(await n()).toBe(1);
    expect((await t.db.select({ n: count() }).from(snapshots))[0]?.n).toBe(snapshotsBefore + 1);
    // Running it again finds the same text: still one version.
    await boss.send(
      SCRAPE_QUEUE,
      { documentId: doc.id, trigger: "run_now" },
      {
        singletonKey: String(doc.id),
      },
    );
    await until("the second run", async () => {
      const rs = await t.db.select().from(fetchRuns).where(eq(fetchRuns.documentId, doc.id));
      return rs.length === 3 && rs.every((r) => r.status !== "running");
    });
    expect(await n()).toBe(1);
  }, 120_000);
});

describe("npm run worker on SIGTERM", () => {
  it("finishes the job it is running, then exits", async () => {
    let release: (() => void) | undefined;
    server.setRoute("/slow", (_req, res) => {
      // Answers only after the worker was told to stop.
      release = () => {
        res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
        res.end(PAGE("postal address"));
      };
    });
    const doc = await makeDocument("acme/slow", "/slow");
    // Only the child may take the job: stop the in-process workers earlier tests started.
    for (const w of workers.splice(0)) await w.stop();
    const child = spawn(
      process.execPath,
      ["--import", "tsx", path.join(import.meta.dirname, "..", "scripts", "worker.ts")],
      {
        env: {
          ...process.env,
          DATABASE_URL: t.url,
          TERMTRAIL_ALLOW_PRIVATE_URLS: "1",
          TERMTRAIL_POLL_SECONDS: "0.5",
        },
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    const exited = new Promise((resolve) => child.once("exit", (c) => resolve(c)));
    let output = "";
    child.stdout.on("data", (d) => (output += d));
    child.stderr.on("data", (d) => (output += d));
    await until("the worker to start", async () => output.includes("running"), 60_000);
    await boss.send(
      SCRAPE_QUEUE,
      { documentId: doc.id, trigger: "run_now" },
      {
        singletonKey: String(doc.id),
      },
    );
    await until("the fetch to start", async () => !!release, 60_000);
    child.kill("SIGTERM");
    await until("the worker to acknowledge", async () => output.includes("SIGTERM"), 10_000);
    release?.();
    const code = await exited;
    expect(code, output).toBe(0);
    const runs = await t.db.select().from(fetchRuns).where(eq(fetchRuns.documentId, doc.id));
    expect(runs.map((r) => r.status)).toEqual(["new_version"]);
    expect(await n2(doc.id)).toBe(1);
  }, 180_000);
});

async function n2(documentId: number) {
  return (
    await t.db.select({ n: count() }).from(versions).where(eq(versions.documentId, documentId))
  )[0]?.n;
}
