/**
 * Records versions archived elsewhere as versions and changes under their original dates.
 * Idempotent: each version carries an import key (file + sha256), so importing twice adds
 * nothing. A file that is missing or doesn't match its manifest checksum is reported, and the
 * rest of the import goes on.
 */
import { createHash } from "node:crypto";
import { and, eq, isNotNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import {
  type AfterChange,
  appendVersion,
  upsertDocument,
  upsertPlatform,
  withVersionRetry,
} from "@/db/queries/archive";
import { versions } from "@/db/schema";
import { countWords } from "../diff";
import { hashText, normaliseText } from "../extract";
import type { CorpusDocument, CorpusSource } from "./corpus";
import { documentTypeInfo, platformInfo } from "./names";

export interface ImportReport {
  documents: number;
  versionsAdded: number;
  changesAdded: number;
  alreadyImported: number;
  /** Identical to the version before it once normalised: nothing to record. */
  unchangedText: number;
  /** Captures the archive itself flags as not the document (error or menu-only pages). */
  skippedNotTheDocument: number;
  errors: Array<{ file: string; message: string }>;
}

export interface ImportOptions {
  /** Only these platforms (slugs); all when omitted. */
  platforms?: string[];
  afterChange?: AfterChange;
  onDocument?: (doc: CorpusDocument, report: ImportReport) => void;
}

export async function importCorpus(db: Db, source: CorpusSource, options: ImportOptions = {}) {
  const report: ImportReport = {
    documents: 0,
    versionsAdded: 0,
    changesAdded: 0,
    alreadyImported: 0,
    unchangedText: 0,
    skippedNotTheDocument: 0,
    errors: [],
  };
  const licenses = source.manifest.sources ?? {};
  for (const doc of source.manifest.documents) {
    if (options.platforms && !options.platforms.includes(doc.platform)) continue;
    await importDocument(db, source, doc, licenses, report, options.afterChange);
    report.documents++;
    options.onDocument?.(doc, report);
  }
  return report;
}

async function importDocument(
  db: Db,
  source: CorpusSource,
  doc: CorpusDocument,
  licenses: Record<string, { license: string }>,
  report: ImportReport,
  afterChange?: AfterChange,
) {
  const platform = platformInfo(doc.platform);
  const type = documentTypeInfo(doc.document_type);
  const platformRow = await upsertPlatform(db, { slug: doc.platform, ...platform });
  const document = await upsertDocument(db, {
    platformId: platformRow.id,
    key: doc.folder,
    type: type.type,
    typeSlug: type.slug,
    variant: doc.variant ?? null,
    locale: doc.language,
    origin: "import",
    archive: doc.source_repo ?? null,
    license:
      doc.license ?? (doc.source_repo ? licenses[doc.source_repo]?.license : undefined) ?? null,
    enabled: false,
  });

  // Import key → text hash of what is already recorded, so a re-import can tell, for a file it
  // has not recorded, whether it merely repeats the file before it.
  const known = new Map(
    (
      await db
        .select({ key: versions.importKey, hash: versions.textHash })
        .from(versions)
        .where(and(eq(versions.documentId, document.id), isNotNull(versions.importKey)))
    ).map((r) => [r.key, r.hash]),
  );
  const ordered = [...doc.versions].sort((a, b) =>
    (a.datetime_utc ?? a.date).localeCompare(b.datetime_utc ?? b.date),
  );

  let previousHash: string | undefined;
  for (const entry of ordered) {
    const importKey = `${entry.file}#${entry.sha256}`;
    const knownHash = known.get(importKey);
    if (knownHash) {
      report.alreadyImported++;
      previousHash = knownHash;
      continue;
    }
    if (entry.suspect_not_the_document) {
      report.skippedNotTheDocument++;
      continue;
    }
    let text: string;
    try {
      text = await source.readText(entry.file);
    } catch (error) {
      report.errors.push({ file: entry.file, message: (error as Error).message });
      continue;
    }
    const actual = createHash("sha256").update(text, "utf8").digest("hex");
    if (actual !== entry.sha256) {
      report.errors.push({
        file: entry.file,
        message: `sha256 is ${actual}, manifest says ${entry.sha256}`,
      });
      continue;
    }
    const normalised = normaliseText(text);
    const textHash = hashText(normalised);
    if (textHash === previousHash) {
      report.unchangedText++;
      continue;
    }
    previousHash = textHash;
    const result = await withVersionRetry(db, (tx) =>
      appendVersion(
        tx,
        {
          documentId: document.id,
          markdown: text,
          textHash,
          wordCount: countWords(normalised),
          capturedAt: new Date(entry.datetime_utc ?? `${entry.date}T00:00:00Z`),
          origin: "import",
          importKey,
          sourceUrl: null,
          flags: {
            changeKind: entry.change_kind ?? undefined,
            textSeenBeforeInSeries: entry.text_seen_before_in_series ?? undefined,
          },
        },
        afterChange,
      ),
    );
    if (result.status === "unchanged") report.unchangedText++;
    else {
      report.versionsAdded++;
      if (result.change) report.changesAdded++;
    }
  }
}
