/**
 * Sources: the documents maintainers add, edit, pause and resume, with what their runs say.
 * Every write records who changed what in the audit log, in the same transaction.
 */
import { and, desc, eq, sql } from "drizzle-orm";
import { z } from "zod";
import {
  cronProblem,
  DOCUMENT_TYPES,
  documentTypeSlug,
  FETCHERS,
  PLATFORM_SLUG_PATTERN,
  selectorSchema,
} from "@/scrapers/declarations/schema";
import type { Db } from "../client";
import {
  changes,
  type Document,
  documents,
  fetchRuns,
  platforms,
  snapshots,
  versions,
} from "../schema";
import { type Actor, changedFields, recordAudit } from "./audit";
import type { DbOrTx } from "./types";

export const DEFAULT_SOURCE_SCHEDULE = "0 4 * * *";

const selectorField = z
  .string()
  .trim()
  .transform((raw, ctx) => {
    if (raw === "") return null;
    let value: unknown = raw;
    if (raw.startsWith("[") || raw.startsWith("{")) {
      try {
        value = JSON.parse(raw);
      } catch {
        ctx.addIssue({ code: "custom", message: "is not valid JSON" });
        return z.NEVER;
      }
    } else if (raw.includes("\n")) {
      value = raw
        .split("\n")
        .map((l) => l.trim())
        .filter(Boolean);
    }
    const parsed = selectorSchema.safeParse(value);
    if (!parsed.success) {
      ctx.addIssue({ code: "custom", message: parsed.error.issues[0]?.message ?? "invalid" });
      return z.NEVER;
    }
    return Array.isArray(parsed.data) ? parsed.data : [parsed.data];
  });

/** What a maintainer submits for a source: the declaration's fields. */
export const sourceInput = z.object({
  platformSlug: z
    .string()
    .trim()
    .regex(PLATFORM_SLUG_PATTERN, { error: "lowercase words joined by hyphens, e.g. whatsapp" }),
  platformName: z.string().trim().max(100).optional(),
  type: z.enum(DOCUMENT_TYPES.map((t) => t.type) as [string, ...string[]], {
    error: "choose a document type from the list",
  }),
  variant: z.string().trim().max(100).optional(),
  url: z.url({ protocol: /^https?$/, error: "must be an http(s) URL" }),
  fetcher: z.enum(FETCHERS),
  select: selectorField.optional(),
  remove: selectorField.optional(),
  locale: z
    .string()
    .trim()
    .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, { error: "a language tag such as en or en-US" })
    .default("en"),
  schedule: z
    .string()
    .trim()
    .default(DEFAULT_SOURCE_SCHEDULE)
    .superRefine((value, ctx) => {
      const problem = cronProblem(value);
      if (problem) ctx.addIssue({ code: "custom", message: problem });
    }),
  executeClientScripts: z.boolean().default(false),
  enabled: z.boolean().default(true),
});
export type SourceInput = z.input<typeof sourceInput>;

/** Reads a submitted form into the input shape (checkboxes, empty fields). */
export function sourceInputFromForm(form: FormData): SourceInput {
  const text = (name: string) => {
    const v = form.get(name);
    return typeof v === "string" && v.trim() !== "" ? v : undefined;
  };
  return {
    platformSlug: text("platformSlug") ?? "",
    platformName: text("platformName"),
    type: text("type") ?? "",
    variant: text("variant"),
    url: text("url") ?? "",
    fetcher: (text("fetcher") ?? "http") as SourceInput["fetcher"],
    select: text("select") ?? "",
    remove: text("remove") ?? "",
    locale: text("locale"),
    schedule: text("schedule"),
    executeClientScripts: form.get("executeClientScripts") === "on",
    enabled: form.has("enabledField") ? form.get("enabled") === "on" : true,
  };
}

export class SourceError extends Error {}

function auditable(doc: Document) {
  return {
    url: doc.url,
    type: doc.type,
    variant: doc.variant,
    fetcher: doc.fetcher,
    select: doc.select,
    remove: doc.remove,
    locale: doc.locale,
    schedule: doc.schedule,
    enabled: doc.enabled,
    executeClientScripts: doc.executeClientScripts,
  };
}

async function ensurePlatform(db: DbOrTx, slug: string, name?: string) {
  const [existing] = await db.select().from(platforms).where(eq(platforms.slug, slug));
  if (existing) return existing;
  const [row] = await db
    .insert(platforms)
    .values({
      slug,
      name: name || slug.replace(/(^|-)(\w)/g, (_m, s, c) => `${s ? " " : ""}${c.toUpperCase()}`),
    })
    .returning();
  if (!row) throw new SourceError(`Could not create platform ${slug}`);
  return row;
}

export async function createSource(db: Db, input: SourceInput, actor: Actor) {
  const s = sourceInput.parse(input);
  return db.transaction(async (tx) => {
    const platform = await ensurePlatform(tx, s.platformSlug, s.platformName);
    const typeSlug = documentTypeSlug(s.type) ?? "document";
    const variantSlug = s.variant
      ? `.${s.variant
          .toLowerCase()
          .replace(/[^a-z0-9]+/g, "-")
          .replace(/^-|-$/g, "")}`
      : "";
    const key = `${platform.slug}/${typeSlug}${s.locale !== "en" ? `.${s.locale}` : ""}${variantSlug}`;
    const [clash] = await tx
      .select({ id: documents.id })
      .from(documents)
      .where(eq(documents.key, key));
    if (clash) throw new SourceError(`${key} already exists: edit it instead`);
    const [doc] = await tx
      .insert(documents)
      .values({
        platformId: platform.id,
        key,
        type: s.type,
        typeSlug,
        variant: s.variant ?? null,
        url: s.url,
        locale: s.locale,
        fetcher: s.fetcher,
        select: s.select ?? null,
        remove: s.remove ?? null,
        executeClientScripts: s.executeClientScripts || s.fetcher === "browser",
        schedule: s.schedule,
        enabled: s.enabled,
        origin: "maintainer",
      })
      .returning();
    if (!doc) throw new SourceError("Could not save the source");
    await recordAudit(tx, {
      actor,
      action: "source.create",
      entity: "source",
      entityId: doc.id,
      after: { key, platform: platform.slug, ...auditable(doc) },
    });
    return doc;
  });
}

export async function updateSource(db: Db, id: number, input: SourceInput, actor: Actor) {
  const s = sourceInput.parse(input);
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(documents).where(eq(documents.id, id)).for("update");
    if (!before) throw new SourceError(`No source ${id}`);
    const [after] = await tx
      .update(documents)
      .set({
        type: s.type,
        variant: s.variant ?? null,
        url: s.url,
        locale: s.locale,
        fetcher: s.fetcher,
        select: s.select ?? null,
        remove: s.remove ?? null,
        executeClientScripts: s.executeClientScripts || s.fetcher === "browser",
        schedule: s.schedule,
        enabled: s.enabled,
        updatedAt: new Date(),
      })
      .where(eq(documents.id, id))
      .returning();
    if (!after) throw new SourceError(`No source ${id}`);
    const diff = changedFields(auditable(before), auditable(after));
    if (diff) {
      const onlySchedule = Object.keys(diff.after).every((k) => k === "schedule");
      await recordAudit(tx, {
        actor,
        action: onlySchedule ? "schedule.update" : "source.update",
        entity: "source",
        entityId: id,
        ...diff,
      });
    }
    return after;
  });
}

export async function setSourceEnabled(db: Db, id: number, enabled: boolean, actor: Actor) {
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(documents).where(eq(documents.id, id)).for("update");
    if (!before) throw new SourceError(`No source ${id}`);
    if (before.enabled === enabled) return before;
    const [after] = await tx
      .update(documents)
      .set({ enabled, updatedAt: new Date() })
      .where(eq(documents.id, id))
      .returning();
    await recordAudit(tx, {
      actor,
      action: enabled ? "source.resume" : "source.pause",
      entity: "source",
      entityId: id,
      before: { enabled: before.enabled },
      after: { enabled },
    });
    return after;
  });
}

export async function recordRunRequest(db: DbOrTx, id: number, actor: Actor, jobId: string | null) {
  await recordAudit(db, {
    actor,
    action: "source.run_now",
    entity: "source",
    entityId: id,
    after: { job: jobId ?? "already queued" },
  });
}

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

export async function platformOptions(db: DbOrTx) {
  return db
    .select({ slug: platforms.slug, name: platforms.name })
    .from(platforms)
    .orderBy(platforms.name);
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
