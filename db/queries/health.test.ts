import { eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { appendVersion, startFetchRun, upsertDocument, upsertPlatform } from "@/db/queries/archive";
import { fetchRuns, workerHeartbeats } from "@/db/schema";
import { createTestDatabase, type TestDatabase } from "@/db/testing";
import { healthReport } from "./health";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => t.drop());

const words = (n: number) => Array.from({ length: n }, (_, i) => `word${i}`).join(" ");

it("groups failing sources by error class, spots lost text, counts workers", async () => {
  const platform = await upsertPlatform(t.db, { slug: "acme", name: "Acme" });
  const doc = (key: string) =>
    upsertDocument(t.db, {
      platformId: platform.id,
      key,
      type: "Privacy Policy",
      typeSlug: "privacy-policy",
      url: `https://example.com/${key}`,
    });
  const failing = await doc("acme/failing");
  const blocked = await doc("acme/blocked");
  const healthy = await doc("acme/healthy");
  const shrinking = await doc("acme/shrinking");
  const fail = async (documentId: number, errorClass: string, errorCode: string) => {
    const run = await startFetchRun(t.db, { documentId, trigger: "schedule" });
    await t.db
      .update(fetchRuns)
      .set({ status: "failed", errorClass, errorCode, errorMessage: `${errorCode}!` })
      .where(eq(fetchRuns.id, run.id));
  };
  await fail(failing.id, "transient", "timeout");
  await fail(failing.id, "transient", "timeout");
  await fail(blocked.id, "blocked", "robots_disallowed");
  const ok = await startFetchRun(t.db, { documentId: healthy.id });
  await t.db.update(fetchRuns).set({ status: "unchanged" }).where(eq(fetchRuns.id, ok.id));
  for (const [i, n] of [400, 60].entries()) {
    await t.db.transaction((tx) =>
      appendVersion(tx, {
        documentId: shrinking.id,
        markdown: words(n),
        textHash: `h${i}`,
        wordCount: n,
        capturedAt: new Date(Date.now() - (2 - i) * 60_000),
      }),
    );
  }
  await t.db.insert(workerHeartbeats).values({ id: "w1", host: "h", pid: "1" });

  const report = await healthReport(t.db);
  expect(report.failing.map((g) => g.errorClass).sort()).toEqual(["blocked", "transient"]);
  const transient = report.failing.find((g) => g.errorClass === "transient");
  expect(transient?.sources[0]).toMatchObject({
    id: failing.id,
    failuresInARow: 2,
    errorCode: "timeout",
  });
  expect(report.shrunk).toEqual([
    expect.objectContaining({ id: shrinking.id, wordsBefore: 400, wordsAfter: 60 }),
  ]);
  expect(report.workers[0]?.state).toBe("alive");
  expect(report.backlog).toBeTypeOf("object");
  expect(report.ok).toBe(false);
});
