/** Sources as the maintainers' pages read them: the list with what runs say, one source, its runs and versions. */
import { and, desc, eq, sql } from "drizzle-orm";
import { changes, documents, fetchRuns, platforms, snapshots, versions } from "../schema";
import type { DbOrTx } from "./types";

/** Every scrapable source with what its runs say. */
export async function listSources(db: DbOrTx) {
  return db
    .select({
      id: documents.id,
      key: documents.key,
      platform: platforms.name,
      platformSlug: platforms.slug,
      type: documents.type,
      variant: documents.variant,
      url: documents.url,
      fetcher: documents.fetcher,
      schedule: documents.schedule,
      enabled: documents.enabled,
      origin: documents.origin,
      lastStatus: sql<
        string | null
      >`(select fr.status from ${fetchRuns} fr where fr.document_id = ${documents.id} order by fr.started_at desc, fr.id desc limit 1)`,
      lastRunAt:
        sql<Date | null>`(select max(fr.started_at) from ${fetchRuns} fr where fr.document_id = ${documents.id})`.mapWith(
          (v) => (v ? new Date(v) : null),
        ),
      consecutiveFailures: sql<number>`(select count(*)::int from ${fetchRuns} fr where fr.document_id = ${documents.id} and fr.status = 'failed' and fr.started_at > coalesce((select max(ok.started_at) from ${fetchRuns} ok where ok.document_id = ${documents.id} and ok.status in ('unchanged', 'new_version')), '-infinity'::timestamptz))`,
      lastNewVersionAt:
        sql<Date | null>`(select max(v.captured_at) from ${versions} v where v.document_id = ${documents.id})`.mapWith(
          (v) => (v ? new Date(v) : null),
        ),
    })
    .from(documents)
    .innerJoin(platforms, eq(platforms.id, documents.platformId))
    .where(sql`${documents.url} is not null`)
    .orderBy(platforms.name, documents.type, documents.id);
}

export type SourceRow = Awaited<ReturnType<typeof listSources>>[number];

export async function getSource(db: DbOrTx, id: number) {
  const [row] = await db
    .select({ document: documents, platform: platforms })
    .from(documents)
    .innerJoin(platforms, eq(platforms.id, documents.platformId))
    .where(eq(documents.id, id));
  return row;
}

export async function runHistory(db: DbOrTx, documentId: number, limit = 50) {
  return db
    .select({
      run: fetchRuns,
      snapshotSha: snapshots.sha256,
      snapshotBytes: snapshots.byteSize,
      snapshotType: snapshots.contentType,
      versionSeq: versions.seq,
    })
    .from(fetchRuns)
    .leftJoin(snapshots, eq(snapshots.id, fetchRuns.snapshotId))
    .leftJoin(versions, eq(versions.id, fetchRuns.versionId))
    .where(eq(fetchRuns.documentId, documentId))
    .orderBy(desc(fetchRuns.startedAt), desc(fetchRuns.id))
    .limit(limit);
}

/** A run's captured snapshot, for viewing as served. */
export async function runSnapshot(db: DbOrTx, documentId: number, runId: number) {
  const [row] = await db
    .select({ snapshot: snapshots })
    .from(fetchRuns)
    .innerJoin(snapshots, eq(snapshots.id, fetchRuns.snapshotId))
    .where(and(eq(fetchRuns.id, runId), eq(fetchRuns.documentId, documentId)));
  return row?.snapshot;
}

/** The document's versions, newest first, with the size of each one's change. */
export async function sourceVersions(db: DbOrTx, documentId: number, limit = 20) {
  return db
    .select({
      id: versions.id,
      seq: versions.seq,
      capturedAt: versions.capturedAt,
      wordCount: versions.wordCount,
      changeId: changes.id,
      addedWords: changes.addedWords,
      removedWords: changes.removedWords,
      passages: changes.passages,
    })
    .from(versions)
    .leftJoin(changes, eq(changes.versionId, versions.id))
    .where(eq(versions.documentId, documentId))
    .orderBy(desc(versions.seq))
    .limit(limit);
}
