/**
 * The scrape CLI as a user runs it, against declarations pointing at the local fixture server:
 * unchanged pages make no version; a changed page makes exactly one version and one change;
 * a broken declaration and hostile pages are reported, and the rest still runs.
 */
import { spawn } from "node:child_process";
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { count } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { changes, type fetchRuns, versions } from "@/db/schema";
import { createTestDatabase, type TestDatabase } from "@/db/testing";
import { FIXTURE_PATHS, type FixtureServer, startFixtureServer } from "../testing/fixture-server";

let t: TestDatabase;
let server: FixtureServer;
let dir: string;

const ROOT = path.resolve(import.meta.dirname, "../..");
const words = Array.from({ length: 200 }, (_, i) => `clause${i}`).join(" ");
const html = (extra: string) =>
  `<html><body><nav>Home</nav><article><h1>Terms</h1><p>${words}</p>${extra}</article><footer>©</footer></body></html>`;

function scrape(...args: string[]): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", "scrapers/cli/scrape.ts", ...args], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: t.url, TERMTRAIL_HOST_DELAY_MS: "0" },
    });
    let out = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (out += d));
    child.on("exit", (code) => resolve({ code, out }));
  });
}

const total = async (table: typeof versions | typeof changes | typeof fetchRuns) =>
  (await t.db.select({ n: count() }).from(table))[0]?.n;

beforeAll(async () => {
  t = await createTestDatabase();
  server = await startFixtureServer();
  dir = await mkdtemp(path.join(tmpdir(), "declarations-"));
  server.setPage("/acme/terms", html("<p>First text.</p>"));
  server.setPage("/acme/privacy", html("<p>We collect your email address.</p>"));
  await writeFile(
    path.join(dir, "acme.json"),
    JSON.stringify({
      name: "Acme",
      documents: {
        "Terms of Service": { fetch: `${server.url}/acme/terms`, select: "article" },
        "Privacy Policy": {
          fetch: `${server.url}/acme/privacy`,
          select: ["article"],
          remove: "nav",
        },
      },
    }),
  );
});
afterAll(async () => {
  await server.close();
  await t.drop();
});

describe("npm run scrape -- --declarations DIR", () => {
  it("archives, then creates nothing while pages stay the same", async () => {
    const first = await scrape("--declarations", dir);
    expect(first.out).toMatch(/\[1\/2\]/);
    expect(first.out).toMatch(/Summary: 2 fetched, 0 unchanged, 2 new version\(s\), 0 failed/);
    expect(first.code).toBe(0);
    const second = await scrape("--declarations", dir);
    expect(second.out).toMatch(/Summary: 2 fetched, 2 unchanged, 0 new version\(s\), 0 failed/);
    expect(await total(versions)).toBe(2);
    expect(await total(changes)).toBe(0);
  });

  it("after a page changes, makes exactly one new version and one change", async () => {
    server.setPage("/acme/terms", html("<p>Second text, with your contacts.</p>"));
    const run = await scrape("--declarations", dir, "--platform", "acme");
    expect(run.out).toMatch(/1 unchanged, 1 new version\(s\)/);
    expect(await total(versions)).toBe(3);
    expect(await total(changes)).toBe(1);
  });

  it("narrows to one document type", async () => {
    const run = await scrape("--declarations", dir, "--document", "privacy-policy");
    expect(run.out).toMatch(/Summary: 1 fetched, 1 unchanged/);
    expect(run.out).not.toMatch(/Terms of Service/);
  });

  it("reports bad declarations and failing pages, runs the rest, and exits non-zero", async () => {
    const bad = await mkdtemp(path.join(tmpdir(), "declarations-bad-"));
    await writeFile(path.join(bad, "broken.json"), "{ this is not json");
    await writeFile(
      path.join(bad, "wrongfield.json"),
      JSON.stringify({
        name: "Wrong",
        documents: { "Privacy Policy": { fetch: "ftp://example.test/x" } },
      }),
    );
    await writeFile(
      path.join(bad, "hostile.json"),
      JSON.stringify({
        name: "Hostile",
        documents: {
          "Terms of Service": { fetch: `${server.url}${FIXTURE_PATHS.redirectLoop}` },
          "Privacy Policy": { fetch: `${server.url}${FIXTURE_PATHS.status}/404` },
          "Developer Terms": { fetch: `${server.url}/acme/terms`, select: "#does-not-exist" },
          "Commercial Terms": { fetch: `${server.url}/acme/privacy`, select: "article" },
        },
      }),
    );
    const before = await total(versions);
    const run = await scrape("--declarations", bad);
    expect(run.code).toBe(1);
    expect(run.out).toMatch(/broken\.json/);
    expect(run.out).toMatch(/wrongfield\.json.*documents\.Privacy Policy\.fetch/);
    expect(run.out).toMatch(
      /Summary: 1 fetched, 0 unchanged, 1 new version\(s\), 3 failed, 2 declaration error/,
    );
    expect(run.out).toMatch(/redirect_loop/);
    expect(run.out).toMatch(/selector_no_match|#does-not-exist/);
    expect(await total(versions)).toBe((before ?? 0) + 1);
  });
});
