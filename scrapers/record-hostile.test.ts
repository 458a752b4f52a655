/**
 * Bad input, end to end: each hostile answer becomes a failed fetch run with a clear, classed
 * reason; the document's earlier version stays intact; and the next document still archives.
 */
import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { upsertDocument, upsertPlatform } from "@/db/queries/archive";
import { fetchRuns, versions } from "@/db/schema";
import { createTestDatabase, type TestDatabase } from "@/db/testing";
import type { FetcherKind } from "./fetch";
import { archiveDocument } from "./record";
import {
  closedPortUrl,
  FIXTURE_PATHS,
  type FixtureServer,
  startFixtureServer,
} from "./testing/fixture-server";

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

const fetchOptions = {
  hostDelayMs: 0,
  timeoutMs: 1500,
  maxBytes: 2 * 1024 * 1024,
  maxRedirects: 5,
};

const CASES: Array<{
  name: string;
  url: () => Promise<string> | string;
  fetcher?: FetcherKind;
  select?: string;
  errorClass: string;
  code: RegExp;
}> = [
  {
    name: "connection refused",
    url: () => closedPortUrl(),
    errorClass: "transient",
    code: /connection_refused/,
  },
  {
    name: "a slow server",
    url: () => `${server.url}${FIXTURE_PATHS.hangBeforeHeaders}`,
    errorClass: "transient",
    code: /timeout/,
  },
  {
    name: "a body over the cap",
    url: () => `${server.url}${FIXTURE_PATHS.large}`,
    errorClass: "extraction",
    code: /too_large/,
  },
  {
    name: "a gzip bomb",
    url: () => `${server.url}${FIXTURE_PATHS.gzipBomb}`,
    errorClass: "extraction",
    code: /too_large/,
  },
  {
    name: "a redirect loop",
    url: () => `${server.url}${FIXTURE_PATHS.redirectLoop}`,
    errorClass: "blocked",
    code: /redirect_loop/,
  },
  {
    name: "404",
    url: () => `${server.url}${FIXTURE_PATHS.status}/404`,
    errorClass: "blocked",
    code: /http_404/,
  },
  {
    name: "500",
    url: () => `${server.url}${FIXTURE_PATHS.status}/500`,
    errorClass: "transient",
    code: /http_500/,
  },
  {
    name: "429",
    url: () => `${server.url}${FIXTURE_PATHS.status}/429`,
    errorClass: "transient",
    code: /http_429/,
  },
  {
    name: "a selector that matches nothing",
    url: () => `${server.url}${FIXTURE_PATHS.page}`,
    select: "#nowhere",
    errorClass: "extraction",
    code: /selector/,
  },
  {
    name: "a cookie wall",
    url: () => `${server.url}${FIXTURE_PATHS.cookieWall}`,
    errorClass: "blocked",
    code: /wall/,
  },
  {
    name: "an undecodable charset",
    url: () => `${server.url}${FIXTURE_PATHS.badCharset}`,
    errorClass: "extraction",
    code: /charset/,
  },
  {
    name: "wp-json that isn't JSON",
    url: () => `${server.url}${FIXTURE_PATHS.wpNotJson}`,
    fetcher: "wp-json",
    errorClass: "extraction",
    code: /not_json/,
  },
];

describe("hostile answers", () => {
  it.each(CASES)("$name: a classed failure, earlier version intact", async (c) => {
    const platform = await upsertPlatform(t.db, { slug: "hostile", name: "Hostile" });
    const doc = await upsertDocument(t.db, {
      platformId: platform.id,
      key: `hostile/${c.name}`,
      type: "Terms of Service",
      typeSlug: "terms-of-service",
    });
    // A good first version, from the fixture's plain terms page.
    const good = await archiveDocument(
      t.db,
      { documentId: doc.id, url: `${server.url}${FIXTURE_PATHS.page}`, fetcher: "http" },
      { fetchOptions },
    );
    expect(good.status).toBe("new_version");

    const result = await archiveDocument(
      t.db,
      {
        documentId: doc.id,
        url: await c.url(),
        fetcher: c.fetcher ?? "http",
        select: c.select ? [c.select] : null,
      },
      { fetchOptions },
    );
    expect(result.status).toBe("failed");
    expect(result.error?.errorClass).toBe(c.errorClass);
    expect(result.error?.code).toMatch(c.code);
    expect(result.error?.message.length).toBeGreaterThan(5);
    const [run] = await t.db.select().from(fetchRuns).where(eq(fetchRuns.id, result.runId));
    expect(run).toMatchObject({ status: "failed", errorClass: c.errorClass });
    expect(run?.finishedAt).not.toBeNull();
    const [n] = await t.db
      .select({ n: count() })
      .from(versions)
      .where(eq(versions.documentId, doc.id));
    expect(n?.n).toBe(1);
  });

  it("malformed HTML still archives", async () => {
    const platform = await upsertPlatform(t.db, { slug: "hostile", name: "Hostile" });
    const doc = await upsertDocument(t.db, {
      platformId: platform.id,
      key: "hostile/malformed",
      type: "Terms of Service",
      typeSlug: "terms-of-service",
    });
    const result = await archiveDocument(
      t.db,
      { documentId: doc.id, url: `${server.url}${FIXTURE_PATHS.malformed}`, fetcher: "http" },
      { fetchOptions },
    );
    expect(result.status).toBe("new_version");
  });
});
