/**
 * One version scraped with its raw capture, for the browser tests of the document page (cite box,
 * sandboxed raw view): a page served by the local fixture server, archived by the real pipeline
 * into the e2e database (whose URL e2e/serve.ts leaves in .test-data/e2e-database-url).
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { eq } from "drizzle-orm";
import type { Db } from "../db/client";
import { upsertDocument } from "../db/queries/archive";
import { platforms } from "../db/schema";
import { archiveDocument } from "../scrapers/record";
import { startFixtureServer } from "../scrapers/testing/fixture-server";

export const FIXTURE_DOCUMENT_KEY = "ecobee/e2e-captured-privacy-policy";

const paragraph = (i: number) =>
  `<p>Paragraph ${i}: we process account information to provide and improve the thermostat service for every customer.</p>`;

export const FIXTURE_HTML = `<!DOCTYPE html><html><head><title>Ecobee privacy (fixture)</title>
<script>document.title = "script ran"; parent.postMessage("script ran", "*");</script></head>
<body><nav>Menu</nav><main><h1>Privacy Policy</h1>${Array.from({ length: 40 }, (_, i) => paragraph(i)).join("")}</main></body></html>`;

export function e2eDatabaseUrl() {
  return readFileSync(path.join(process.cwd(), ".test-data", "e2e-database-url"), "utf8").trim();
}

/** Archives the fixture page (again: an unchanged capture adds no version). */
export async function archiveFixturePage(db: Db) {
  const [platform] = await db.select().from(platforms).where(eq(platforms.slug, "ecobee"));
  if (!platform) throw new Error("The e2e seed has no ecobee platform");
  const server = await startFixtureServer();
  try {
    server.setPage("/privacy", FIXTURE_HTML);
    const doc = await upsertDocument(db, {
      platformId: platform.id,
      key: FIXTURE_DOCUMENT_KEY,
      type: "Privacy Policy (captured in tests)",
      typeSlug: "privacy-policy-e2e",
      url: `${server.url}/privacy`,
      select: ["main"],
      remove: null,
      enabled: false,
      origin: "declaration",
    });
    const result = await archiveDocument(
      db,
      { documentId: doc.id, url: `${server.url}/privacy`, fetcher: "http", select: ["main"] },
      { fetchOptions: { hostDelayMs: 0, timeoutMs: 5000 }, trigger: "e2e" },
    );
    if (result.status === "failed") {
      throw new Error(`Archiving the fixture page failed: ${JSON.stringify(result.error)}`);
    }
  } finally {
    await server.close();
  }
}
