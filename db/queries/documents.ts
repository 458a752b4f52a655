/** Reads for the platform and document pages: versions, changes, findings, snapshots. */
import { and, asc, desc, eq, lt, sql } from "drizzle-orm";
import {
  cases,
  changes,
  citations,
  dataCategories,
  documents,
  eventDataCategories,
  events,
  findings,
  platforms,
  snapshots,
  versions,
} from "../schema";
import type { DbOrTx } from "./types";

export async function platformBySlug(db: DbOrTx, params: { slug: string }) {
  const [row] = await db.select().from(platforms).where(eq(platforms.slug, params.slug));
  return row;
}

/** A platform's documents, each with its version count and its latest change. */
export async function platformDocuments(db: DbOrTx, params: { platformId: number }) {
  return db
    .select({
      id: documents.id,
      key: documents.key,
      type: documents.type,
      variant: documents.variant,
      archive: documents.archive,
      origin: documents.origin,
      versions: sql<number>`(select count(*)::int from ${versions} where ${versions.documentId} = "documents"."id")`,
      lastCaptured: sql<Date | null>`(select max(${versions.capturedAt}) from ${versions} where ${versions.documentId} = "documents"."id")`,
      lastChangeVersionId: sql<
        number | null
      >`(select c.version_id from ${changes} c join ${versions} v on v.id = c.version_id where c.document_id = "documents"."id" order by v.captured_at desc limit 1)`,
      lastChangeAdded: sql<
        number | null
      >`(select c.added_words from ${changes} c join ${versions} v on v.id = c.version_id where c.document_id = "documents"."id" order by v.captured_at desc limit 1)`,
      lastChangeRemoved: sql<
        number | null
      >`(select c.removed_words from ${changes} c join ${versions} v on v.id = c.version_id where c.document_id = "documents"."id" order by v.captured_at desc limit 1)`,
    })
    .from(documents)
    .where(eq(documents.platformId, params.platformId))
    .orderBy(documents.type, documents.key);
}

export async function platformCases(db: DbOrTx, params: { platformId: number }) {
  return db
    .select({
      id: cases.id,
      title: cases.title,
      partner: cases.partner,
      leverage: cases.leverage,
      startedOn: cases.startedOn,
      status: cases.status,
    })
    .from(cases)
    .where(eq(cases.dominantPlatformId, params.platformId))
    .orderBy(desc(cases.startedOn));
}

export async function documentById(db: DbOrTx, params: { id: number }) {
  const [row] = await db
    .select({
      id: documents.id,
      key: documents.key,
      type: documents.type,
      variant: documents.variant,
      url: documents.url,
      locale: documents.locale,
      origin: documents.origin,
      archive: documents.archive,
      license: documents.license,
      platform: platforms.name,
      platformSlug: platforms.slug,
    })
    .from(documents)
    .innerJoin(platforms, eq(platforms.id, documents.platformId))
    .where(eq(documents.id, params.id));
  return row;
}

/** Every version of a document, oldest first, without its text. */
export async function documentVersions(db: DbOrTx, params: { documentId: number }) {
  return db
    .select({
      id: versions.id,
      seq: versions.seq,
      capturedAt: versions.capturedAt,
      wordCount: versions.wordCount,
      origin: versions.origin,
      hasSnapshot: sql<boolean>`${versions.snapshotId} is not null`,
      addedWords: changes.addedWords,
      removedWords: changes.removedWords,
      findings: sql<number>`(select count(*)::int from ${findings} f where f.version_id = ${versions.id} and f.state <> 'dismissed')`,
    })
    .from(versions)
    .leftJoin(changes, eq(changes.versionId, versions.id))
    .where(eq(versions.documentId, params.documentId))
    .orderBy(asc(versions.seq));
}

/** One version with its text and its capture, if it has one. */
export async function versionWithSnapshot(
  db: DbOrTx,
  params: { documentId: number; versionId: number },
) {
  const [row] = await db
    .select({
      id: versions.id,
      seq: versions.seq,
      capturedAt: versions.capturedAt,
      markdown: versions.markdown,
      wordCount: versions.wordCount,
      origin: versions.origin,
      sourceUrl: versions.sourceUrl,
      textHash: versions.textHash,
      snapshotId: versions.snapshotId,
      sha256: snapshots.sha256,
      contentType: snapshots.contentType,
      finalUrl: snapshots.finalUrl,
      byteSize: snapshots.byteSize,
      firstFetchedAt: snapshots.firstFetchedAt,
    })
    .from(versions)
    .leftJoin(snapshots, eq(snapshots.id, versions.snapshotId))
    .where(and(eq(versions.id, params.versionId), eq(versions.documentId, params.documentId)));
  return row;
}

/** The version just before another one in its document. */
export async function previousVersionId(
  db: DbOrTx,
  params: { documentId: number; seq: number },
): Promise<number | undefined> {
  const [row] = await db
    .select({ id: versions.id })
    .from(versions)
    .where(and(eq(versions.documentId, params.documentId), lt(versions.seq, params.seq)))
    .orderBy(desc(versions.seq))
    .limit(1);
  return row?.id;
}

export async function latestVersionId(db: DbOrTx, params: { documentId: number }) {
  const [row] = await db
    .select({ id: versions.id })
    .from(versions)
    .where(eq(versions.documentId, params.documentId))
    .orderBy(desc(versions.seq))
    .limit(1);
  return row?.id;
}

export interface PassageMark {
  label: string;
  excerpt: string;
  source: "finding" | "citation";
  state: string;
  href?: string;
}

/**
 * What to mark on a version's text: the detectors' findings (not dismissed) and the passages
 * that events cite as evidence, labelled with their data category or recipient.
 */
export async function versionMarks(db: DbOrTx, params: { versionId: number }) {
  const [found, cited] = await Promise.all([
    db
      .select({
        kind: findings.kind,
        subject: findings.subject,
        excerpt: findings.excerpt,
        state: findings.state,
        category: dataCategories.label,
        eventId: findings.eventId,
      })
      .from(findings)
      .leftJoin(dataCategories, eq(dataCategories.slug, findings.categorySlug))
      .where(and(eq(findings.versionId, params.versionId), sql`${findings.state} <> 'dismissed'`)),
    db
      .select({
        eventId: citations.eventId,
        passage: citations.passage,
        title: events.title,
        categories: sql<
          string[]
        >`coalesce((select array_agg(dc.label order by dc.label) from ${eventDataCategories} edc join ${dataCategories} dc on dc.slug = edc.category_slug where edc.event_id = ${citations.eventId}), '{}')`,
      })
      .from(citations)
      .leftJoin(events, eq(events.id, citations.eventId))
      .where(and(eq(citations.versionId, params.versionId), sql`${citations.passage} is not null`)),
  ]);
  const marks: PassageMark[] = [];
  for (const f of found) {
    const what = f.category ?? f.subject;
    const label =
      f.kind === "data_category_added"
        ? `adds ${what}`
        : f.kind === "data_category_removed"
          ? `removes ${what}`
          : f.kind === "recipient_added"
            ? `new recipient: ${what}`
            : f.kind === "recipient_removed"
              ? `drops recipient: ${what}`
              : `deadline ${what}`;
    marks.push({
      label,
      excerpt: f.excerpt,
      source: "finding",
      state: f.state,
      href: f.eventId ? `/events/${f.eventId}` : undefined,
    });
  }
  for (const c of cited) {
    const passage = c.passage as string;
    const lower = passage.toLowerCase();
    const matching = c.categories.filter((label) =>
      label
        .toLowerCase()
        .split(/[^a-z]+/)
        .some((w) => w.length > 3 && lower.includes(w.replace(/s$/, ""))),
    );
    marks.push({
      label: `evidence: ${(matching.length > 0 ? matching : [c.title ?? "event"]).join(", ")}`,
      excerpt: passage,
      source: "citation",
      state: "confirmed",
      href: c.eventId ? `/events/${c.eventId}` : undefined,
    });
  }
  return marks;
}

/** The raw capture of a version: its bytes, brotli-compressed as stored. */
export async function versionSnapshotBytes(
  db: DbOrTx,
  params: { documentId: number; versionId: number },
) {
  const [row] = await db
    .select({
      sha256: snapshots.sha256,
      contentType: snapshots.contentType,
      compressed: snapshots.compressed,
      compression: snapshots.compression,
    })
    .from(versions)
    .innerJoin(snapshots, eq(snapshots.id, versions.snapshotId))
    .where(and(eq(versions.id, params.versionId), eq(versions.documentId, params.documentId)));
  return row;
}

/** Events that cite a version of this document. */
export async function documentEvents(db: DbOrTx, params: { documentId: number }) {
  return db
    .selectDistinct({
      id: events.id,
      title: events.title,
      occurredOn: events.occurredOn,
      kind: events.kind,
    })
    .from(citations)
    .innerJoin(versions, eq(versions.id, citations.versionId))
    .innerJoin(events, eq(events.id, citations.eventId))
    .where(eq(versions.documentId, params.documentId))
    .orderBy(events.occurredOn);
}
