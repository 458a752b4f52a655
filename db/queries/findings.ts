/**
 * Findings and their review states. A finding stays `detected` until a maintainer confirms it
 * (which creates or extends an event linked to it, optionally correcting the finding first) or
 * dismisses it with a reason. Confirmed and dismissed findings can be reopened.
 */
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "../client";
import {
  changes,
  citations,
  documents,
  eventDataCategories,
  eventRecipients,
  events,
  type Finding,
  type FindingKind,
  type FindingState,
  findings,
  platforms,
  recipients,
  versions,
} from "../schema";
import type { EventInput } from "./investigation-input";
import { createEvent } from "./investigations";
import type { DbOrTx, Tx } from "./types";

export interface DetectedFinding {
  kind: FindingKind;
  category?: string;
  recipient?: string;
  date?: string;
  excerpt: string;
}

export const subjectOf = (f: DetectedFinding) =>
  f.category ?? f.recipient ?? f.date ?? f.excerpt.slice(0, 200);

export async function recordFindings(
  tx: Tx,
  params: {
    changeId: number;
    documentId: number;
    versionId: number;
    substantive: boolean;
    findings: DetectedFinding[];
  },
) {
  await tx
    .update(changes)
    .set({ substantive: params.substantive })
    .where(eq(changes.id, params.changeId));
  if (params.findings.length === 0) return 0;
  const rows = await tx
    .insert(findings)
    .values(
      params.findings.map((f) => ({
        changeId: params.changeId,
        documentId: params.documentId,
        versionId: params.versionId,
        kind: f.kind,
        categorySlug: f.category ?? null,
        recipient: f.recipient ?? null,
        deadline: f.date ?? null,
        subject: subjectOf(f),
        excerpt: f.excerpt,
      })),
    )
    .onConflictDoNothing()
    .returning({ id: findings.id });
  return rows.length;
}

export class ReviewError extends Error {}

async function loadFinding(tx: DbOrTx, findingId: number) {
  const [row] = await tx
    .select({
      finding: findings,
      platformSlug: platforms.slug,
      platformName: platforms.name,
      documentType: documents.type,
      capturedAt: versions.capturedAt,
      markdown: versions.markdown,
    })
    .from(findings)
    .innerJoin(documents, eq(documents.id, findings.documentId))
    .innerJoin(platforms, eq(platforms.id, documents.platformId))
    .innerJoin(versions, eq(versions.id, findings.versionId))
    .where(eq(findings.id, findingId));
  if (!row) throw new ReviewError(`No finding ${findingId}`);
  return row;
}

function expectState(finding: Finding, allowed: FindingState[]) {
  if (!allowed.includes(finding.state)) {
    throw new ReviewError(
      `Finding ${finding.id} is ${finding.state}; expected ${allowed.join(" or ")}`,
    );
  }
}

export interface FindingCorrection {
  categorySlug?: string | null;
  recipient?: string | null;
  deadline?: string | null;
  excerpt?: string;
}

const EVENT_KIND_OF: Record<FindingKind, EventInput["kind"]> = {
  data_category_added: "data_sharing_expansion",
  recipient_added: "data_sharing_expansion",
  data_category_removed: "policy_update",
  recipient_removed: "policy_update",
  consent_deadline: "forced_consent_deadline",
};

/**
 * Confirms a finding: extends `eventId` when given, else creates an event from it (which the
 * maintainer can edit afterwards). The finding's passage becomes the event's evidence.
 */
export async function confirmFinding(
  db: Db,
  params: {
    findingId: number;
    reviewer: string;
    eventId?: number;
    correction?: FindingCorrection;
    event?: Partial<EventInput>;
  },
) {
  return db.transaction(async (tx) => {
    const loaded = await loadFinding(tx, params.findingId);
    expectState(loaded.finding, ["detected"]);
    const corrected = { ...loaded.finding, ...params.correction };
    if (!loaded.markdown.includes(corrected.excerpt) && params.correction?.excerpt) {
      throw new ReviewError(
        "The corrected excerpt must be an exact passage of the archived version",
      );
    }
    let eventId = params.eventId;
    if (eventId) {
      const [event] = await tx.select({ id: events.id }).from(events).where(eq(events.id, eventId));
      if (!event) throw new ReviewError(`No event ${eventId}`);
      await tx
        .insert(citations)
        .values({ eventId, versionId: corrected.versionId, passage: corrected.excerpt });
    } else {
      const day = loaded.capturedAt.toISOString().slice(0, 10);
      const kind = EVENT_KIND_OF[corrected.kind];
      const event = await createEvent(
        db,
        {
          kind,
          title: `${loaded.platformName}: ${corrected.subject} in the ${loaded.documentType}`,
          summary: corrected.excerpt.slice(0, 500),
          platformSlug: loaded.platformSlug,
          occurredOn: day,
          deadline:
            kind === "forced_consent_deadline" ? (corrected.deadline ?? undefined) : undefined,
          origin: "review",
          citations: [{ versionId: corrected.versionId, passage: corrected.excerpt }],
          ...params.event,
        },
        tx,
      );
      eventId = event.id;
    }
    if (corrected.categorySlug && corrected.kind === "data_category_added") {
      await tx
        .insert(eventDataCategories)
        .values({ eventId, categorySlug: corrected.categorySlug })
        .onConflictDoNothing();
    }
    if (corrected.recipient && corrected.kind === "recipient_added") {
      const [recipient] = await tx
        .insert(recipients)
        .values({ name: corrected.recipient, kind: "named_company" })
        .onConflictDoUpdate({ target: recipients.name, set: { name: corrected.recipient } })
        .returning();
      if (recipient)
        await tx
          .insert(eventRecipients)
          .values({ eventId, recipientId: recipient.id })
          .onConflictDoNothing();
    }
    await tx
      .update(findings)
      .set({
        categorySlug: corrected.categorySlug,
        recipient: corrected.recipient,
        deadline: corrected.deadline,
        excerpt: corrected.excerpt,
        state: "confirmed",
        eventId,
        reviewedBy: params.reviewer,
        reviewedAt: new Date(),
      })
      .where(eq(findings.id, params.findingId));
    return { eventId };
  });
}

export async function dismissFinding(
  db: Db,
  params: { findingId: number; reviewer: string; reason: string },
) {
  if (params.reason.trim().length < 3) throw new ReviewError("Say why the finding is dismissed");
  return db.transaction(async (tx) => {
    const { finding } = await loadFinding(tx, params.findingId);
    expectState(finding, ["detected"]);
    await tx
      .update(findings)
      .set({
        state: "dismissed",
        dismissedReason: params.reason.trim(),
        reviewedBy: params.reviewer,
        reviewedAt: new Date(),
      })
      .where(eq(findings.id, params.findingId));
  });
}

/** Back to `detected`; a confirmed finding's event keeps its other evidence. */
export async function reopenFinding(db: Db, params: { findingId: number; reviewer: string }) {
  return db.transaction(async (tx) => {
    const { finding } = await loadFinding(tx, params.findingId);
    expectState(finding, ["confirmed", "dismissed"]);
    await tx
      .update(findings)
      .set({
        state: "detected",
        dismissedReason: null,
        eventId: null,
        reviewedBy: params.reviewer,
        reviewedAt: new Date(),
      })
      .where(and(eq(findings.id, params.findingId)));
    return finding.eventId;
  });
}

export async function findingCounts(db: DbOrTx) {
  return db
    .select({ state: findings.state, n: sql<number>`count(*)::int` })
    .from(findings)
    .groupBy(findings.state);
}
