/**
 * The review queue: detected findings with the change passage that holds their evidence, and
 * the maintainer's decisions on them (confirm into an event, dismiss), each recorded in the
 * audit log. Events can be edited afterwards, from what to what also logged.
 */
import { desc, eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "../client";
import { changes, documents, EVENT_KINDS, events, findings, platforms, versions } from "../schema";
import { type Actor, changedFields, recordAudit } from "./audit";
import { confirmFinding, dismissFinding, type FindingCorrection } from "./findings";
import type { CaseInput, EventInput } from "./investigation-input";
import { createCase, createEvent } from "./investigations";
import type { DbOrTx } from "./types";

export async function detectedFindings(db: DbOrTx, limit = 100) {
  const rows = await db
    .select({
      id: findings.id,
      kind: findings.kind,
      subject: findings.subject,
      excerpt: findings.excerpt,
      categorySlug: findings.categorySlug,
      recipient: findings.recipient,
      deadline: findings.deadline,
      createdAt: findings.createdAt,
      documentId: documents.id,
      documentType: documents.type,
      platform: platforms.name,
      platformSlug: platforms.slug,
      capturedAt: versions.capturedAt,
      versionSeq: versions.seq,
      passages: changes.passages,
    })
    .from(findings)
    .innerJoin(documents, eq(documents.id, findings.documentId))
    .innerJoin(platforms, eq(platforms.id, documents.platformId))
    .innerJoin(versions, eq(versions.id, findings.versionId))
    .innerJoin(changes, eq(changes.id, findings.changeId))
    .where(eq(findings.state, "detected"))
    .orderBy(desc(versions.capturedAt), findings.id)
    .limit(limit);
  return rows.map(({ passages, ...r }) => {
    // The diff passage: the one holding the excerpt, else the first added one.
    const passage =
      passages.find((p) => p.text.includes(r.excerpt.slice(0, 120))) ??
      passages.find((p) => p.type === "added") ??
      passages[0];
    return { ...r, passage };
  });
}

export async function recentlyReviewed(db: DbOrTx, limit = 20) {
  return db
    .select({
      id: findings.id,
      state: findings.state,
      subject: findings.subject,
      kind: findings.kind,
      eventId: findings.eventId,
      dismissedReason: findings.dismissedReason,
      reviewedBy: findings.reviewedBy,
      reviewedAt: findings.reviewedAt,
      platform: platforms.name,
    })
    .from(findings)
    .innerJoin(documents, eq(documents.id, findings.documentId))
    .innerJoin(platforms, eq(platforms.id, documents.platformId))
    .where(sql`${findings.state} <> 'detected'`)
    .orderBy(desc(findings.reviewedAt))
    .limit(limit);
}

export async function eventChoices(db: DbOrTx, limit = 200) {
  return db
    .select({ id: events.id, title: events.title, occurredOn: events.occurredOn })
    .from(events)
    .orderBy(desc(events.occurredOn))
    .limit(limit);
}

const optionalText = z
  .string()
  .trim()
  .transform((s) => (s === "" ? undefined : s))
  .optional();
const optionalDate = z
  .string()
  .trim()
  .transform((s) => (s === "" ? undefined : s))
  .pipe(
    z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, { error: "must be a date as YYYY-MM-DD" })
      .optional(),
  )
  .optional();

export const confirmInput = z.object({
  eventId: z.coerce.number().int().positive().optional(),
  title: optionalText,
  summary: optionalText,
  kind: z.enum(EVENT_KINDS).optional(),
  excerpt: optionalText,
  deadline: optionalDate,
});

export async function confirmFindingAs(
  db: Db,
  findingId: number,
  input: z.input<typeof confirmInput>,
  actor: Actor,
) {
  const c = confirmInput.parse(input);
  const correction: FindingCorrection = {};
  if (c.excerpt) correction.excerpt = c.excerpt;
  if (c.deadline) correction.deadline = c.deadline;
  const { eventId } = await confirmFinding(db, {
    findingId,
    reviewer: actor.email,
    eventId: c.eventId,
    correction,
    event: c.eventId
      ? undefined
      : {
          ...(c.title ? { title: c.title } : {}),
          ...(c.summary ? { summary: c.summary } : {}),
          ...(c.kind ? { kind: c.kind } : {}),
        },
  });
  await recordAudit(db, {
    actor,
    action: c.eventId ? "finding.confirm_into_event" : "finding.confirm",
    entity: "finding",
    entityId: findingId,
    before: { state: "detected" },
    after: { state: "confirmed", eventId, ...correction },
  });
  return { eventId };
}

export async function dismissFindingAs(db: Db, findingId: number, reason: string, actor: Actor) {
  await dismissFinding(db, { findingId, reviewer: actor.email, reason });
  await recordAudit(db, {
    actor,
    action: "finding.dismiss",
    entity: "finding",
    entityId: findingId,
    before: { state: "detected" },
    after: { state: "dismissed", reason },
  });
}

export const eventEdit = z.object({
  kind: z.enum(EVENT_KINDS),
  title: z.string().trim().min(3, { error: "at least 3 characters" }),
  summary: z.string().trim().min(3, { error: "at least 3 characters" }),
  occurredOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: "must be a date as YYYY-MM-DD" }),
  announcedOn: optionalDate,
  deadline: optionalDate,
  consequence: optionalText,
  status: z.enum(["confirmed", "detected"]),
  uncertain: z.boolean(),
  uncertainNote: optionalText,
});

export async function updateEvent(
  db: Db,
  id: number,
  input: z.input<typeof eventEdit>,
  actor: Actor,
) {
  const e = eventEdit.parse(input);
  if (e.kind === "forced_consent_deadline" && !e.deadline) {
    throw new z.ZodError([
      {
        code: "custom",
        path: ["deadline"],
        message: "a forced-consent deadline event needs its deadline",
        input: e.deadline,
      },
    ]);
  }
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(events).where(eq(events.id, id)).for("update");
    if (!before) return undefined;
    const values = {
      kind: e.kind,
      title: e.title,
      summary: e.summary,
      occurredOn: e.occurredOn,
      announcedOn: e.announcedOn ?? null,
      deadline: e.deadline ?? null,
      consequence: e.consequence ?? null,
      status: e.status,
      uncertain: e.uncertain,
      uncertainNote: e.uncertainNote ?? null,
    };
    const [after] = await tx
      .update(events)
      .set({ ...values, updatedAt: new Date() })
      .where(eq(events.id, id))
      .returning();
    const diff = changedFields(
      Object.fromEntries(Object.keys(values).map((k) => [k, before[k as keyof typeof before]])),
      values,
    );
    if (diff) {
      await recordAudit(tx, {
        actor,
        action: "event.update",
        entity: "event",
        entityId: id,
        ...diff,
      });
    }
    return after;
  });
}

export async function eventForEdit(db: DbOrTx, id: number) {
  const [row] = await db.select().from(events).where(eq(events.id, id));
  return row;
}

/** A curated event from public reporting, with its citation; audited. */
export async function createCuratedEvent(db: Db, input: EventInput, actor: Actor) {
  const event = await createEvent(db, { ...input, origin: "curated", status: "confirmed" });
  await recordAudit(db, {
    actor,
    action: "event.create",
    entity: "event",
    entityId: event.id,
    after: { kind: event.kind, title: event.title, occurredOn: event.occurredOn },
  });
  return event;
}

/** A curated partner-pressure case with its citation; audited. */
export async function createCuratedCase(db: Db, input: CaseInput, actor: Actor) {
  const row = await createCase(db, input);
  await recordAudit(db, {
    actor,
    action: "case.create",
    entity: "case",
    entityId: row.slug,
    after: { title: row.title, partner: row.partner, leverage: row.leverage },
  });
  return row;
}
