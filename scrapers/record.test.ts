import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { upsertDocument, upsertPlatform } from "@/db/queries/archive";
import { changes, fetchRuns, snapshots, versions } from "@/db/schema";
import { createTestDatabase, type TestDatabase } from "@/db/testing";
import { archiveDocument } from "./record";
import { type FixtureServer, startFixtureServer } from "./testing/fixture-server";

let t: TestDatabase;
let server: FixtureServer;
beforeAll(async () => {
  t = await createTestDatabase();
  server = await startFixtureServer();
});
afterAll(async () => {
  await server.close();
  await t.drop();
});

const fetchOptions = { hostDelayMs: 0, timeoutMs: 3000 };
const paragraph = (topic: string) =>
  `<p>We process ${topic} to provide, personalise and improve the service for every user of it.</p>`;
const policy = (...topics: string[]) =>
  `<html><body><nav>Menu</nav><main><h1>Privacy Policy</h1>${topics.map(paragraph).join("")}</main></body></html>`;
const LONG = Array.from({ length: 30 }, (_, i) => `account information number ${i}`);

async function newDocument(key: string, path: string) {
  const platform = await upsertPlatform(t.db, { slug: "acme", name: "Acme" });
  return upsertDocument(t.db, {
    platformId: platform.id,
    key,
    type: "Privacy Policy",
    typeSlug: "privacy-policy",
    url: `${server.url}${path}`,
    select: ["main"],
  });
}

const target = (doc: Awaited<ReturnType<typeof newDocument>>) => ({
  documentId: doc.id,
  url: doc.url ?? "",
  fetcher: "http" as const,
  select: doc.select,
  remove: doc.remove,
});

const countWhere = async (table: typeof versions | typeof changes, documentId: number) =>
  (await t.db.select({ n: count() }).from(table).where(eq(table.documentId, documentId)))[0]?.n;

describe("archiveDocument", () => {
  it("makes a version only when the text changes, with one change row", async () => {
    const doc = await newDocument("acme/a", "/a");
    server.setPage("/a", policy(...LONG));
    expect((await archiveDocument(t.db, target(doc), { fetchOptions })).status).toBe("new_version");
    // Markup-only differences don't change the text.
    server.setPage("/a", policy(...LONG).replace("<main>", '<main class="v2">  '));
    expect((await archiveDocument(t.db, target(doc), { fetchOptions })).status).toBe("unchanged");

    server.setPage("/a", policy(...LONG, "your contacts and photos"));
    const changed = await archiveDocument(t.db, target(doc), { fetchOptions });
    expect(changed.status).toBe("new_version");
    expect(await countWhere(versions, doc.id)).toBe(2);
    expect(await countWhere(changes, doc.id)).toBe(1);
    const [change] = await t.db.select().from(changes).where(eq(changes.documentId, doc.id));
    expect(change?.passages).toEqual([
      { type: "added", text: expect.stringContaining("your contacts and photos") },
    ]);
    const runs = await t.db.select().from(fetchRuns).where(eq(fetchRuns.documentId, doc.id));
    expect(runs.map((r) => r.status).sort()).toEqual(["new_version", "new_version", "unchanged"]);
  });

  it("stores identical captures once", async () => {
    server.setPage("/same", policy(...LONG, "same bytes"));
    const one = await newDocument("acme/same-1", "/same");
    const two = await newDocument("acme/same-2", "/same");
    await archiveDocument(t.db, target(one), { fetchOptions });
    await archiveDocument(t.db, target(two), { fetchOptions });
    await archiveDocument(t.db, target(one), { fetchOptions });
    const runs = await t.db.select().from(fetchRuns).where(eq(fetchRuns.documentId, one.id));
    const runsTwo = await t.db.select().from(fetchRuns).where(eq(fetchRuns.documentId, two.id));
    const ids = new Set([...runs, ...runsTwo].map((r) => r.snapshotId));
    expect(ids.size).toBe(1);
    const [snapshot] = await t.db
      .select()
      .from(snapshots)
      .where(eq(snapshots.id, [...ids][0] ?? -1));
    expect(snapshot?.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(snapshot?.contentType).toMatch(/text\/html/);
    expect(snapshot?.compressed.length).toBeLessThan(snapshot?.byteSize ?? 0);
  });

  it("never duplicates a version when runs on one document overlap", async () => {
    const doc = await newDocument("acme/race", "/race");
    server.setPage("/race", policy(...LONG, "race one"));
    await archiveDocument(t.db, target(doc), { fetchOptions });
    server.setPage("/race", policy(...LONG, "race two"));
    const results = await Promise.all(
      Array.from({ length: 6 }, () => archiveDocument(t.db, target(doc), { fetchOptions })),
    );
    expect(results.filter((r) => r.status === "new_version")).toHaveLength(1);
    expect(results.filter((r) => r.status === "unchanged")).toHaveLength(5);
    expect(await countWhere(versions, doc.id)).toBe(2);
  });

  it("has the database refuse a second version with the same number", async () => {
    const doc = await newDocument("acme/constraint", "/constraint");
    const row = {
      documentId: doc.id,
      seq: 1,
      capturedAt: new Date(),
      textHash: "x",
      markdown: "x",
      wordCount: 1,
    };
    await t.db.insert(versions).values(row);
    await expect(t.db.insert(versions).values({ ...row, textHash: "y" })).rejects.toThrow();
  });

  it("records a failed page as a classed failure and keeps earlier versions", async () => {
    const doc = await newDocument("acme/fails", "/fails");
    server.setPage("/fails", policy(...LONG));
    await archiveDocument(t.db, target(doc), { fetchOptions });
    server.setRoute("/fails", (_req, res) => {
      res.writeHead(500, { "content-type": "text/plain" });
      res.end("boom");
    });
    const failed = await archiveDocument(t.db, target(doc), { fetchOptions });
    expect(failed.status).toBe("failed");
    expect(failed.error?.errorClass).toBe("transient");
    const [run] = await t.db.select().from(fetchRuns).where(eq(fetchRuns.id, failed.runId));
    expect(run).toMatchObject({ status: "failed", errorClass: "transient", httpStatus: 500 });
    expect(await countWhere(versions, doc.id)).toBe(1);
  });

  it("records a bot wall without making it a version", async () => {
    const doc = await newDocument("acme/wall", "/wall");
    server.setPage("/wall", policy(...LONG));
    await archiveDocument(t.db, target(doc), { fetchOptions });
    server.setPage(
      "/wall",
      "<html><body><main>Please enable cookies to continue.</main></body></html>",
    );
    // The fetcher's own wall detection is off: this checks the archive's size rule.
    const walled = await archiveDocument(t.db, target(doc), {
      fetchOptions: { ...fetchOptions, detectWalls: false },
    });
    expect(walled.error).toMatchObject({ errorClass: "blocked", code: "suspected_wall" });
    const [run] = await t.db.select().from(fetchRuns).where(eq(fetchRuns.id, walled.runId));
    expect(run?.snapshotId).not.toBeNull();
    expect(await countWhere(versions, doc.id)).toBe(1);
  });

  it("records a selector that matches nothing as an extraction failure", async () => {
    const doc = await newDocument("acme/noselect", "/noselect");
    server.setPage("/noselect", "<html><body><div>No main element here</div></body></html>");
    const result = await archiveDocument(t.db, target(doc), { fetchOptions });
    expect(result.error?.errorClass).toBe("extraction");
    expect(await countWhere(versions, doc.id)).toBe(0);
  });
});
