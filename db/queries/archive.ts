/** Every write of the archive pipeline: platforms, documents, runs, snapshots, versions, changes. */
import { and, desc, eq, sql } from "drizzle-orm";
import { diffVersions } from "@/scrapers/diff";
import type { Db } from "../client";
import {
  type Change,
  changes,
  type FetchRunStatus,
  fetchRuns,
  type NewDocument,
  platforms,
  snapshots,
  type Version,
  type VersionFlags,
  versions,
} from "../schema";
import { documents } from "../schema/documents";
import { type DbOrTx, isUniqueViolation, type Tx } from "./types";

export async function upsertPlatform(
  db: DbOrTx,
  params: { slug: string; name: string; parent?: string | null },
) {
  const [row] = await db
    .insert(platforms)
    .values({ slug: params.slug, name: params.name, parent: params.parent ?? null })
    .onConflictDoUpdate({
      target: platforms.slug,
      set: { name: params.name, parent: params.parent ?? null },
    })
    .returning();
  if (!row) throw new Error(`Could not save platform ${params.slug}`);
  return row;
}

/** Creates the document, or updates its fetch settings when its key already exists. */
export async function upsertDocument(db: DbOrTx, params: NewDocument) {
  const { key, platformId, createdAt: _ignored, ...settings } = params;
  const [row] = await db
    .insert(documents)
    .values(params)
    .onConflictDoUpdate({ target: documents.key, set: { ...settings, updatedAt: new Date() } })
    .returning();
  if (!row) throw new Error(`Could not save document ${key}`);
  return row;
}

export async function startFetchRun(db: DbOrTx, params: { documentId: number; trigger?: string }) {
  const [row] = await db
    .insert(fetchRuns)
    .values({ documentId: params.documentId, trigger: params.trigger ?? "cli" })
    .returning({ id: fetchRuns.id, startedAt: fetchRuns.startedAt });
  if (!row) throw new Error("Could not start a fetch run");
  return row;
}

export interface RunOutcome {
  status: Exclude<FetchRunStatus, "running">;
  durationMs: number;
  httpStatus?: number | null;
  finalUrl?: string | null;
  errorClass?: string | null;
  errorCode?: string | null;
  errorMessage?: string | null;
  snapshotId?: number | null;
  versionId?: number | null;
  extractedWords?: number | null;
}

export async function finishFetchRun(db: DbOrTx, runId: number, outcome: RunOutcome) {
  await db
    .update(fetchRuns)
    .set({ ...outcome, finishedAt: new Date() })
    .where(eq(fetchRuns.id, runId));
}

export interface SnapshotInput {
  sha256: string;
  contentType: string;
  finalUrl: string;
  byteSize: number;
  compressed: Buffer;
  headers: Record<string, string>;
  fetchedAt: Date;
}

/** Stores a capture once per sha256 and returns its id either way. */
export async function saveSnapshot(db: DbOrTx, input: SnapshotInput): Promise<number> {
  const [inserted] = await db
    .insert(snapshots)
    .values({ ...input, firstFetchedAt: input.fetchedAt })
    .onConflictDoNothing({ target: snapshots.sha256 })
    .returning({ id: snapshots.id });
  if (inserted) return inserted.id;
  const [existing] = await db
    .select({ id: snapshots.id })
    .from(snapshots)
    .where(eq(snapshots.sha256, input.sha256));
  if (!existing) throw new Error(`Snapshot ${input.sha256} vanished`);
  return existing.id;
}

export async function latestVersion(db: DbOrTx, documentId: number): Promise<Version | undefined> {
  const [row] = await db
    .select()
    .from(versions)
    .where(eq(versions.documentId, documentId))
    .orderBy(desc(versions.seq))
    .limit(1);
  return row;
}

export interface VersionInput {
  documentId: number;
  markdown: string;
  textHash: string;
  wordCount: number;
  capturedAt: Date;
  snapshotId?: number | null;
  origin?: "scrape" | "import";
  importKey?: string | null;
  sourceUrl?: string | null;
  flags?: VersionFlags | null;
}

export type AppendResult =
  | { status: "unchanged"; version: Version }
  | { status: "new_version"; version: Version; change: Change | null; previous: Version | null };

/** Called inside the version's transaction, so what it writes (findings) lands with it. */
export type AfterChange = (
  tx: Tx,
  event: { version: Version; previous: Version; change: Change },
) => Promise<void>;

/**
 * Appends a version when the normalised text differs from the latest one, with its change.
 * Must run inside a transaction. Versions are numbered per document and (document, seq) is
 * unique, so a concurrent run that raced us fails here instead of adding a duplicate.
 */
export async function appendVersion(
  tx: Tx,
  input: VersionInput,
  afterChange?: AfterChange,
): Promise<AppendResult> {
  // Serialise writers of one document; the unique constraint remains the guarantee.
  await tx.execute(sql`select pg_advisory_xact_lock(74610, ${input.documentId})`);
  const previous = (await latestVersion(tx, input.documentId)) ?? null;
  if (previous && previous.textHash === input.textHash)
    return { status: "unchanged", version: previous };

  const [version] = await tx
    .insert(versions)
    .values({
      documentId: input.documentId,
      seq: (previous?.seq ?? 0) + 1,
      capturedAt: input.capturedAt,
      textHash: input.textHash,
      markdown: input.markdown,
      wordCount: input.wordCount,
      snapshotId: input.snapshotId ?? null,
      origin: input.origin ?? "scrape",
      importKey: input.importKey ?? null,
      sourceUrl: input.sourceUrl ?? null,
      flags: input.flags ?? null,
    })
    .returning();
  if (!version) throw new Error("Could not insert the version");
  if (!previous) return { status: "new_version", version, change: null, previous };

  const summary = diffVersions(previous.markdown, version.markdown);
  const [change] = await tx
    .insert(changes)
    .values({
      documentId: input.documentId,
      versionId: version.id,
      previousVersionId: previous.id,
      ...summary,
    })
    .returning();
  if (!change) throw new Error("Could not insert the change");
  if (afterChange) await afterChange(tx, { version, previous, change });
  return { status: "new_version", version, change, previous };
}

/** Runs a write transaction, retrying when a concurrent writer won a unique-constraint race. */
export async function withVersionRetry<T>(db: Db, work: (tx: Tx) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction(work);
    } catch (error) {
      if (attempt >= 3 || !isUniqueViolation(error)) throw error;
    }
  }
}

export async function documentByKey(db: DbOrTx, key: string) {
  const [row] = await db.select().from(documents).where(eq(documents.key, key));
  return row;
}

export async function versionByImportKey(db: DbOrTx, importKey: string) {
  const [row] = await db
    .select({ id: versions.id })
    .from(versions)
    .where(and(eq(versions.importKey, importKey)));
  return row;
}
