/** Detectors run on import: the two reference pairs of the real corpus yield their findings. */
import path from "node:path";
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { documents, findings, versions } from "@/db/schema";
import { createTestDatabase, type TestDatabase } from "@/db/testing";
import { afterChangeAnalysis } from "./analysis-hook";
import { openCorpusDir } from "./import/corpus";
import { importCorpus } from "./import/importer";

const CORPUS = path.resolve(import.meta.dirname, "../../shared/corpus");
let t: TestDatabase;

beforeAll(async () => {
  t = await createTestDatabase();
  const source = await openCorpusDir(CORPUS);
  source.manifest.documents = source.manifest.documents.filter((d) =>
    [
      "spotify/privacy-policy--tosback-versions",
      "whatsapp/legal-page-terms-and-privacy--tosback-versions",
    ].includes(d.folder),
  );
  await importCorpus(t.db, source, { afterChange: afterChangeAnalysis });
}, 120_000);
afterAll(() => t.drop());

async function findingsOn(documentKey: string, day: string) {
  return t.db
    .select({
      kind: findings.kind,
      category: findings.categorySlug,
      recipient: findings.recipient,
      excerpt: findings.excerpt,
      markdown: versions.markdown,
    })
    .from(findings)
    .innerJoin(versions, eq(versions.id, findings.versionId))
    .innerJoin(documents, eq(documents.id, findings.documentId))
    .where(and(eq(documents.key, documentKey), sql`${versions.capturedAt}::date = ${day}::date`));
}

it("finds contacts, photos, location and sensors added in Spotify's September 2015 policy", async () => {
  const rows = await findingsOn("spotify/privacy-policy--tosback-versions", "2015-09-10");
  const added = rows.filter((r) => r.kind === "data_category_added").map((r) => r.category);
  expect(added).toEqual(
    expect.arrayContaining(["contacts", "photos_media", "location", "sensors"]),
  );
  // Additions quote a passage that is really in the new archived version (removals quote the old).
  for (const row of rows.filter((r) => !r.kind.endsWith("_removed"))) {
    expect(row.markdown).toContain(row.excerpt);
  }
});

it("finds sharing with Facebook added in WhatsApp's August 2016 legal page", async () => {
  const rows = await findingsOn(
    "whatsapp/legal-page-terms-and-privacy--tosback-versions",
    "2016-08-29",
  );
  const recipients = rows.filter((r) => r.kind === "recipient_added").map((r) => r.recipient ?? "");
  expect(recipients.some((r) => /facebook/i.test(r))).toBe(true);
});
