/**
 * The one-transaction guarantee: a process killed (SIGKILL) after it wrote the snapshot and
 * the version, but before it committed, leaves none of that capture's rows behind.
 */
import { spawn } from "node:child_process";
import path from "node:path";
import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { upsertDocument, upsertPlatform } from "@/db/queries/archive";
import { changes, fetchRuns, snapshots, versions } from "@/db/schema";
import { createTestDatabase, type TestDatabase } from "@/db/testing";
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

it("a recording killed half-way leaves no half-written capture", async () => {
  const platform = await upsertPlatform(t.db, { slug: "acme", name: "Acme" });
  const doc = await upsertDocument(t.db, {
    platformId: platform.id,
    key: "acme/crash",
    type: "Privacy Policy",
    typeSlug: "privacy-policy",
    url: `${server.url}/crash`,
  });
  server.setPage(
    "/crash",
    "<html><body><h1>Policy</h1><p>We collect your email address.</p></body></html>",
  );

  const child = spawn(
    process.execPath,
    ["--import", "tsx", path.join(import.meta.dirname, "testing", "record-and-die.ts")],
    {
      env: {
        ...process.env,
        DATABASE_URL: t.url,
        DOCUMENT_ID: String(doc.id),
        DIE_AT: "version_written",
      },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let output = "";
  child.stdout.on("data", (d) => (output += d));
  child.stderr.on("data", (d) => (output += d));
  const signal = await new Promise((resolve) => child.on("exit", (_code, sig) => resolve(sig)));
  expect(signal, output).toBe("SIGKILL");
  expect(output).toContain("reached version_written");

  const n = async (table: typeof versions | typeof snapshots | typeof changes) =>
    (await t.db.select({ n: count() }).from(table))[0]?.n;
  expect(await n(versions)).toBe(0);
  expect(await n(snapshots)).toBe(0);
  expect(await n(changes)).toBe(0);
  // The attempt itself is on record, never completed.
  const runs = await t.db.select().from(fetchRuns).where(eq(fetchRuns.documentId, doc.id));
  expect(runs.map((r) => r.status)).toEqual(["running"]);
});
