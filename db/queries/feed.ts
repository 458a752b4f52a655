/**
 * The Atom feed's entries: new versions, findings and events, newest first, with the
 * timeline's filters (platform, kind, category, from, to, state).
 * - kind: an event kind (only those events), or "version" / "finding" (only those);
 * - category: findings of that data category, and events tagged with it (versions drop out);
 * - state: a finding state (detected, confirmed, dismissed) or an event status (confirmed,
 *   detected); versions drop out when it is set.
 */
import { and, desc, eq, exists, gte, lt, sql } from "drizzle-orm";
import {
  documents,
  EVENT_KINDS,
  type EventKind,
  eventDataCategories,
  events,
  FINDING_STATES,
  type FindingState,
  findings,
  platforms,
  versions,
} from "../schema";
import type { DbOrTx } from "./types";

export interface FeedFilters {
  platform?: string;
  kind?: string;
  category?: string;
  from?: string;
  to?: string;
  state?: string;
}

export interface FeedEntry {
  type: "version" | "finding" | "event";
  id: string;
  title: string;
  summary: string;
  updated: Date;
  path: string;
  platform: string | null;
}

const isDay = (s?: string) => (s && /^\d{4}-\d{2}-\d{2}$/.test(s) ? s : undefined);
const nextDay = (d: string) => {
  const date = new Date(`${d}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date;
};

export async function feedEntries(db: DbOrTx, f: FeedFilters, limit = 50): Promise<FeedEntry[]> {
  const from = isDay(f.from);
  const to = isDay(f.to);
  const eventKind = EVENT_KINDS.includes(f.kind as EventKind) ? (f.kind as EventKind) : undefined;
  const wantVersions = (!f.kind || f.kind === "version") && !f.category && !f.state;
  const wantFindings = !f.kind || f.kind === "finding";
  const wantEvents = !f.kind || !!eventKind;
  const findingState = FINDING_STATES.includes(f.state as FindingState)
    ? (f.state as FindingState)
    : undefined;
  const eventStatus = f.state === "confirmed" || f.state === "detected" ? f.state : undefined;
  const platformFilter = f.platform ? eq(platforms.slug, f.platform) : undefined;

  const [versionRows, findingRows, eventRows] = await Promise.all([
    wantVersions
      ? db
          .select({
            id: versions.id,
            seq: versions.seq,
            capturedAt: versions.capturedAt,
            wordCount: versions.wordCount,
            documentId: documents.id,
            type: documents.type,
            platform: platforms.name,
          })
          .from(versions)
          .innerJoin(documents, eq(documents.id, versions.documentId))
          .innerJoin(platforms, eq(platforms.id, documents.platformId))
          .where(
            and(
              platformFilter,
              from ? gte(versions.capturedAt, new Date(`${from}T00:00:00Z`)) : undefined,
              to ? lt(versions.capturedAt, nextDay(to)) : undefined,
            ),
          )
          .orderBy(desc(versions.capturedAt))
          .limit(limit)
      : [],
    wantFindings && (!f.state || findingState)
      ? db
          .select({
            id: findings.id,
            kind: findings.kind,
            subject: findings.subject,
            excerpt: findings.excerpt,
            state: findings.state,
            createdAt: findings.createdAt,
            type: documents.type,
            platform: platforms.name,
          })
          .from(findings)
          .innerJoin(documents, eq(documents.id, findings.documentId))
          .innerJoin(platforms, eq(platforms.id, documents.platformId))
          .where(
            and(
              platformFilter,
              findingState ? eq(findings.state, findingState) : undefined,
              f.category ? eq(findings.categorySlug, f.category) : undefined,
              from ? gte(findings.createdAt, new Date(`${from}T00:00:00Z`)) : undefined,
              to ? lt(findings.createdAt, nextDay(to)) : undefined,
            ),
          )
          .orderBy(desc(findings.createdAt))
          .limit(limit)
      : [],
    wantEvents && (!f.state || eventStatus)
      ? db
          .select({
            id: events.id,
            kind: events.kind,
            title: events.title,
            summary: events.summary,
            occurredOn: events.occurredOn,
            updatedAt: events.updatedAt,
            platform: platforms.name,
          })
          .from(events)
          .leftJoin(platforms, eq(platforms.id, events.platformId))
          .where(
            and(
              platformFilter,
              eventKind ? eq(events.kind, eventKind) : undefined,
              eventStatus ? eq(events.status, eventStatus) : undefined,
              from ? gte(events.occurredOn, from) : undefined,
              to ? sql`${events.occurredOn} <= ${to}` : undefined,
              f.category
                ? exists(
                    sql`(select 1 from ${eventDataCategories} where ${eventDataCategories.eventId} = ${events.id} and ${eventDataCategories.categorySlug} = ${f.category})`,
                  )
                : undefined,
            ),
          )
          .orderBy(desc(events.occurredOn), desc(events.id))
          .limit(limit)
      : [],
  ]);

  const entries: FeedEntry[] = [
    ...versionRows.map((v) => ({
      type: "version" as const,
      id: `version/${v.id}`,
      title: `${v.platform}: new version ${v.seq} of the ${v.type}`,
      summary: `${v.wordCount} words, captured ${v.capturedAt.toISOString().slice(0, 10)}.`,
      updated: v.capturedAt,
      path: `/documents/${v.documentId}`,
      platform: v.platform,
    })),
    ...findingRows.map((r) => ({
      type: "finding" as const,
      id: `finding/${r.id}`,
      title: `${r.platform}: ${r.kind.replaceAll("_", " ")}: ${r.subject} (${r.state})`,
      summary: `In the ${r.type}: “${r.excerpt.slice(0, 400)}”`,
      updated: r.createdAt,
      path: "/review",
      platform: r.platform,
    })),
    ...eventRows.map((e) => ({
      type: "event" as const,
      id: `event/${e.id}`,
      title: e.title,
      summary: `${String(e.occurredOn)} · ${e.kind.replaceAll("_", " ")}. ${e.summary}`,
      updated: new Date(`${String(e.occurredOn)}T00:00:00Z`),
      path: `/events/${e.id}`,
      platform: e.platform,
    })),
  ];
  return entries.sort((a, b) => b.updated.getTime() - a.updated.getTime()).slice(0, limit);
}
