/** Figures for the home page: what the archive holds. */
import { count, desc, eq, sql } from "drizzle-orm";
import { changes, documents, fetchRuns, platforms, versions } from "../schema";
import type { DbOrTx } from "./types";

export async function archiveTotals(db: DbOrTx) {
  const [row] = await db
    .select({
      platforms: sql<number>`(select count(*)::int from ${platforms})`,
      documents: sql<number>`(select count(*)::int from ${documents})`,
      versions: sql<number>`(select count(*)::int from ${versions})`,
      changes: sql<number>`(select count(*)::int from ${changes})`,
      fetchRuns: sql<number>`(select count(*)::int from ${fetchRuns})`,
    })
    .from(sql`(select 1) as one`);
  return row ?? { platforms: 0, documents: 0, versions: 0, changes: 0, fetchRuns: 0 };
}

export async function documentsWithVersionCounts(db: DbOrTx) {
  return db
    .select({
      id: documents.id,
      key: documents.key,
      type: documents.type,
      variant: documents.variant,
      archive: documents.archive,
      origin: documents.origin,
      platform: platforms.name,
      platformSlug: platforms.slug,
      versions: count(versions.id),
      firstCaptured: sql<Date | null>`min(${versions.capturedAt})`,
      lastCaptured: sql<Date | null>`max(${versions.capturedAt})`,
    })
    .from(documents)
    .innerJoin(platforms, eq(platforms.id, documents.platformId))
    .leftJoin(versions, eq(versions.documentId, documents.id))
    .groupBy(documents.id, platforms.id)
    .orderBy(platforms.name, documents.type, documents.key);
}

export async function latestChanges(db: DbOrTx, params: { limit: number }) {
  return db
    .select({
      id: changes.id,
      documentId: changes.documentId,
      documentType: documents.type,
      documentKey: documents.key,
      platform: platforms.name,
      capturedAt: versions.capturedAt,
      addedWords: changes.addedWords,
      removedWords: changes.removedWords,
    })
    .from(changes)
    .innerJoin(versions, eq(versions.id, changes.versionId))
    .innerJoin(documents, eq(documents.id, changes.documentId))
    .innerJoin(platforms, eq(platforms.id, documents.platformId))
    .orderBy(desc(versions.capturedAt))
    .limit(params.limit);
}
