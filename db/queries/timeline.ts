/** Reads for the timeline and the event pages: events with their categories, recipients and evidence. */
import { and, asc, desc, eq, exists, gte, inArray, lte, type SQL, sql } from "drizzle-orm";
import {
  cases,
  citations,
  dataCategories,
  documents,
  EVENT_KINDS,
  type EventKind,
  eventDataCategories,
  eventPostponements,
  eventRecipients,
  events,
  platforms,
  recipients,
  versions,
} from "../schema";
import type { DbOrTx } from "./types";

export interface TimelineFilters {
  platform?: string;
  kind?: string;
  category?: string;
  from?: string;
  to?: string;
  status?: string;
  caseId?: number;
  /** Page size and page (1-based). */
  limit?: number;
  page?: number;
}

const day = (d: Date | string | null) =>
  d === null ? null : typeof d === "string" ? d.slice(0, 10) : d.toISOString().slice(0, 10);

function where(f: TimelineFilters): SQL | undefined {
  const kind = EVENT_KINDS.includes(f.kind as EventKind) ? (f.kind as EventKind) : undefined;
  const status = f.status === "confirmed" || f.status === "detected" ? f.status : undefined;
  return and(
    f.platform ? eq(platforms.slug, f.platform) : undefined,
    kind ? eq(events.kind, kind) : undefined,
    status ? eq(events.status, status) : undefined,
    f.from ? gte(events.occurredOn, f.from) : undefined,
    f.to ? lte(events.occurredOn, f.to) : undefined,
    f.caseId ? eq(events.caseId, f.caseId) : undefined,
    f.category
      ? exists(
          sql`(select 1 from ${eventDataCategories} where ${eventDataCategories.eventId} = ${events.id} and ${eventDataCategories.categorySlug} = ${f.category})`,
        )
      : undefined,
  );
}

export interface TimelineEvent {
  id: number;
  kind: EventKind;
  title: string;
  summary: string;
  occurredOn: string;
  announcedOn: string | null;
  deadline: string | null;
  consequence: string | null;
  status: "confirmed" | "detected";
  origin: string;
  uncertain: boolean;
  uncertainNote: string | null;
  platform: string | null;
  platformSlug: string | null;
  caseId: number | null;
  caseTitle: string | null;
  categories: Array<{ slug: string; label: string; uncertain: boolean }>;
  recipients: Array<{ name: string; uncertain: boolean }>;
  postponements: Array<{ newDeadline: string; announcedOn: string; note: string | null }>;
  citations: Citation[];
}

export interface Citation {
  id: number;
  publisher: string | null;
  title: string | null;
  publishedOn: string | null;
  url: string | null;
  versionId: number | null;
  passage: string | null;
  language: string | null;
  documentId: number | null;
  documentType: string | null;
  capturedAt: Date | null;
}

/** Citations of events or of a case, with the archived version they point to. */
export async function citationsFor(
  db: DbOrTx,
  params: { eventIds?: number[]; caseId?: number },
): Promise<Array<Citation & { eventId: number | null }>> {
  const owner = params.caseId
    ? eq(citations.caseId, params.caseId)
    : params.eventIds && params.eventIds.length > 0
      ? inArray(citations.eventId, params.eventIds)
      : undefined;
  if (!owner) return [];
  const rows = await db
    .select({
      id: citations.id,
      eventId: citations.eventId,
      publisher: citations.publisher,
      title: citations.title,
      publishedOn: citations.publishedOn,
      url: citations.url,
      versionId: citations.versionId,
      passage: citations.passage,
      language: citations.language,
      documentId: versions.documentId,
      documentType: documents.type,
      capturedAt: versions.capturedAt,
    })
    .from(citations)
    .leftJoin(versions, eq(versions.id, citations.versionId))
    .leftJoin(documents, eq(documents.id, versions.documentId))
    .where(owner)
    .orderBy(asc(citations.id));
  return rows.map((r) => ({ ...r, publishedOn: day(r.publishedOn) }));
}

async function withDetails(
  db: DbOrTx,
  rows: Array<Omit<TimelineEvent, "categories" | "recipients" | "postponements" | "citations">>,
): Promise<TimelineEvent[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const [cats, recs, pps, cits] = await Promise.all([
    db
      .select({
        eventId: eventDataCategories.eventId,
        slug: eventDataCategories.categorySlug,
        label: dataCategories.label,
        uncertain: eventDataCategories.uncertain,
      })
      .from(eventDataCategories)
      .innerJoin(dataCategories, eq(dataCategories.slug, eventDataCategories.categorySlug))
      .where(inArray(eventDataCategories.eventId, ids)),
    db
      .select({
        eventId: eventRecipients.eventId,
        name: recipients.name,
        uncertain: eventRecipients.uncertain,
      })
      .from(eventRecipients)
      .innerJoin(recipients, eq(recipients.id, eventRecipients.recipientId))
      .where(inArray(eventRecipients.eventId, ids)),
    db
      .select()
      .from(eventPostponements)
      .where(inArray(eventPostponements.eventId, ids))
      .orderBy(asc(eventPostponements.announcedOn)),
    citationsFor(db, { eventIds: ids }),
  ]);
  return rows.map((r) => ({
    ...r,
    categories: cats
      .filter((c) => c.eventId === r.id)
      .map(({ slug, label, uncertain }) => ({ slug, label, uncertain })),
    recipients: recs
      .filter((c) => c.eventId === r.id)
      .map(({ name, uncertain }) => ({ name, uncertain })),
    postponements: pps
      .filter((p) => p.eventId === r.id)
      .map((p) => ({
        newDeadline: day(p.newDeadline) as string,
        announcedOn: day(p.announcedOn) as string,
        note: p.note,
      })),
    citations: cits.filter((c) => c.eventId === r.id),
  }));
}

const eventColumns = {
  id: events.id,
  kind: events.kind,
  title: events.title,
  summary: events.summary,
  occurredOn: events.occurredOn,
  announcedOn: events.announcedOn,
  deadline: events.deadline,
  consequence: events.consequence,
  status: events.status,
  origin: events.origin,
  uncertain: events.uncertain,
  uncertainNote: events.uncertainNote,
  platform: platforms.name,
  platformSlug: platforms.slug,
  caseId: events.caseId,
  caseTitle: cases.title,
};

/** Events in time order (oldest first), filtered, one page at a time, with the total. */
export async function timelineEvents(db: DbOrTx, f: TimelineFilters) {
  const limit = Math.min(Math.max(f.limit ?? 100, 1), 500);
  const page = Math.max(f.page ?? 1, 1);
  const w = where(f);
  const [rows, [total]] = await Promise.all([
    db
      .select(eventColumns)
      .from(events)
      .leftJoin(platforms, eq(platforms.id, events.platformId))
      .leftJoin(cases, eq(cases.id, events.caseId))
      .where(w)
      .orderBy(asc(events.occurredOn), asc(events.id))
      .limit(limit)
      .offset((page - 1) * limit),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(events)
      .leftJoin(platforms, eq(platforms.id, events.platformId))
      .where(w),
  ]);
  const list = await withDetails(
    db,
    rows.map((r) => ({
      ...r,
      occurredOn: day(r.occurredOn) as string,
      announcedOn: day(r.announcedOn),
      deadline: day(r.deadline),
    })),
  );
  return { events: list, total: total?.n ?? 0, page, limit };
}

export async function eventById(db: DbOrTx, params: { id: number }) {
  const rows = await db
    .select(eventColumns)
    .from(events)
    .leftJoin(platforms, eq(platforms.id, events.platformId))
    .leftJoin(cases, eq(cases.id, events.caseId))
    .where(eq(events.id, params.id));
  const [event] = await withDetails(
    db,
    rows.map((r) => ({
      ...r,
      occurredOn: day(r.occurredOn) as string,
      announcedOn: day(r.announcedOn),
      deadline: day(r.deadline),
    })),
  );
  return event;
}

/** Latest events of a platform, newest first. */
export async function platformEvents(db: DbOrTx, params: { platformId: number; limit: number }) {
  const rows = await db
    .select(eventColumns)
    .from(events)
    .leftJoin(platforms, eq(platforms.id, events.platformId))
    .leftJoin(cases, eq(cases.id, events.caseId))
    .where(eq(events.platformId, params.platformId))
    .orderBy(desc(events.occurredOn), desc(events.id))
    .limit(params.limit);
  return withDetails(
    db,
    rows.map((r) => ({
      ...r,
      occurredOn: day(r.occurredOn) as string,
      announcedOn: day(r.announcedOn),
      deadline: day(r.deadline),
    })),
  );
}

export const KIND_LABELS: Record<EventKind, string> = {
  forced_consent_deadline: "Forced-consent deadline",
  data_sharing_expansion: "Data-sharing expansion",
  partner_pressure: "Partner pressure",
  policy_update: "Policy update",
  public_statement: "Public statement",
  regulatory_action: "Regulatory action",
};
