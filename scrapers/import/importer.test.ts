import { createHash } from "node:crypto";
import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { changes, documents, versions } from "@/db/schema";
import { createTestDatabase, type TestDatabase } from "@/db/testing";
import { openCorpusDir } from "./corpus";
import { importCorpus } from "./importer";

const CORPUS = path.resolve(import.meta.dirname, "../../../shared/corpus");

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.drop());

const countOf = async (table: typeof versions | typeof changes) =>
  (await t.db.select({ n: count() }).from(table))[0]?.n ?? 0;

describe("importCorpus on the real corpus", () => {
  it("records versions under their original dates, and importing twice adds nothing", async () => {
    const source = await openCorpusDir(CORPUS);
    const first = await importCorpus(t.db, source, { platforms: ["spotify", "alexa"] });
    expect(first.errors).toEqual([]);
    expect(first.versionsAdded).toBeGreaterThan(50);
    expect(await countOf(versions)).toBe(first.versionsAdded);
    // Every version but the first of each document has a change.
    expect(await countOf(changes)).toBe(first.versionsAdded - first.documents);

    const [doc] = await t.db
      .select()
      .from(documents)
      .where(eq(documents.key, "spotify/privacy-policy--tosback-versions"));
    expect(doc?.archive).toBe("tosdr/tosback-versions");
    const dated = await t.db
      .select({ capturedAt: versions.capturedAt })
      .from(versions)
      .where(eq(versions.documentId, doc?.id ?? -1));
    expect(dated.map((v) => v.capturedAt.toISOString().slice(0, 10))).toContain("2015-09-10");

    const second = await importCorpus(t.db, source, { platforms: ["spotify", "alexa"] });
    expect(second.versionsAdded).toBe(0);
    expect(second.alreadyImported).toBe(first.versionsAdded);
    expect(await countOf(versions)).toBe(first.versionsAdded);
  });
});

describe("importCorpus on a broken folder", () => {
  it("reports a missing file and a checksum mismatch, and imports the rest", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "corpus-"));
    await mkdir(path.join(dir, "acme/terms--test"), { recursive: true });
    const good = "# Terms\n\nWe collect your email address.\n";
    const good2 = "# Terms\n\nWe collect your email address and your contacts.\n";
    await writeFile(path.join(dir, "acme/terms--test/2020-01-01.md"), good);
    await writeFile(path.join(dir, "acme/terms--test/2020-02-01.md"), "tampered");
    await writeFile(path.join(dir, "acme/terms--test/2020-04-01.md"), good2);
    const sha = (s: string) => createHash("sha256").update(s).digest("hex");
    const version = (date: string, text: string) => ({
      file: `acme/terms--test/${date}.md`,
      date,
      datetime_utc: `${date}T10:00:00+00:00`,
      sha256: sha(text),
    });
    await writeFile(
      path.join(dir, "manifest.json"),
      JSON.stringify({
        documents: [
          {
            platform: "acme",
            document_type: "terms_of_service",
            folder: "acme/terms--test",
            language: "en",
            versions: [
              version("2020-01-01", good),
              version("2020-02-01", "original"),
              version("2020-03-01", "never written"),
              version("2020-04-01", good2),
            ],
          },
        ],
      }),
    );
    const report = await importCorpus(t.db, await openCorpusDir(dir));
    expect(report.errors.map((e) => e.file)).toEqual([
      "acme/terms--test/2020-02-01.md",
      "acme/terms--test/2020-03-01.md",
    ]);
    expect(report.errors[0]?.message).toMatch(/sha256/);
    expect(report).toMatchObject({ versionsAdded: 2, changesAdded: 1 });
  });

  it("refuses a folder without a manifest with a clear message", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "corpus-"));
    await expect(openCorpusDir(dir)).rejects.toThrow(/No manifest.json/);
    await writeFile(path.join(dir, "manifest.json"), "{ not json");
    await expect(openCorpusDir(dir)).rejects.toThrow(/not valid JSON/);
  });
});
