/**
 * Sources: the documents maintainers add, edit, pause and resume (what they read is in
 * sources-read.ts, what they submit in source-input.ts).
 * Every write records who changed what in the audit log, in the same transaction.
 */
import { eq } from "drizzle-orm";
import type { z } from "zod";
import { documentTypeSlug } from "@/scrapers/declarations/schema";
import type { Db } from "../client";
import { type Document, documents, platforms } from "../schema";
import { type Actor, changedFields, recordAudit } from "./audit";
import { type SourceInput, sourceInput } from "./source-input";
import type { DbOrTx } from "./types";

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

/** The declaration's columns a maintainer sets, the same on create and on edit. */
function declaredColumns(s: z.output<typeof sourceInput>) {
  return {
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
  };
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
        typeSlug,
        ...declaredColumns(s),
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
      .set({ ...declaredColumns(s), updatedAt: new Date() })
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
