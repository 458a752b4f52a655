/** Reads for the overview's charts: every figure comes from the archive and the investigation data. */
import { and, asc, eq, gte, inArray, lte, type SQL, sql } from "drizzle-orm";
import {
  cases,
  dataCategories,
  documents,
  eventDataCategories,
  eventPostponements,
  eventRecipients,
  events,
  platforms,
  recipients,
  versions,
} from "../schema";
import type { DbOrTx } from "./types";

export interface OverviewFilters {
  platform?: string;
  from?: string;
  to?: string;
}

const day = (d: Date | string | null) =>
  d === null ? null : typeof d === "string" ? d.slice(0, 10) : d.toISOString().slice(0, 10);

function eventWhere(f: OverviewFilters, kind: string): SQL | undefined {
  return and(
    eq(events.kind, kind as never),
    f.platform ? eq(platforms.slug, f.platform) : undefined,
    f.from ? gte(events.occurredOn, f.from) : undefined,
    f.to ? lte(events.occurredOn, f.to) : undefined,
  );
}

export interface DeadlineBar {
  eventId: number;
  platform: string;
  title: string;
  announcedOn: string;
  deadline: string;
  /** Each postponement moves the deadline: the extension runs from the old deadline to the new one. */
  postponements: Array<{ from: string; to: string; announcedOn: string; note: string | null }>;
}

/** Forced-consent deadlines: announcement → deadline, then each postponement as an extension. */
export async function consentDeadlines(db: DbOrTx, f: OverviewFilters): Promise<DeadlineBar[]> {
  const rows = await db
    .select({
      id: events.id,
      title: events.title,
      platform: platforms.name,
      occurredOn: events.occurredOn,
      announcedOn: events.announcedOn,
      deadline: events.deadline,
    })
    .from(events)
    .leftJoin(platforms, eq(platforms.id, events.platformId))
    .where(eventWhere(f, "forced_consent_deadline"))
    .orderBy(asc(events.occurredOn), asc(events.id))
    .limit(500);
  if (rows.length === 0) return [];
  const pp = await db
    .select()
    .from(eventPostponements)
    .where(
      inArray(
        eventPostponements.eventId,
        rows.map((r) => r.id),
      ),
    )
    .orderBy(asc(eventPostponements.announcedOn), asc(eventPostponements.newDeadline));
  return rows
    .filter((r) => r.deadline)
    .map((r) => {
      let current = day(r.deadline) as string;
      const postponements = pp
        .filter((p) => p.eventId === r.id)
        .map((p) => {
          const step = {
            from: current,
            to: day(p.newDeadline) as string,
            announcedOn: day(p.announcedOn) as string,
            note: p.note,
          };
          current = step.to;
          return step;
        });
      return {
        eventId: r.id,
        platform: r.platform ?? "—",
        title: r.title,
        announcedOn: day(r.announcedOn ?? r.occurredOn) as string,
        deadline: day(r.deadline) as string,
        postponements,
      };
    });
}

export interface ExpansionStep {
  eventId: number;
  platform: string;
  date: string;
  title: string;
  categories: number;
  recipients: number;
  added: string[];
}

/**
 * Data-sharing expansions: per platform, the cumulative number of distinct data categories and
 * recipients named by its expansion events, one step per event.
 */
export async function expansionSteps(db: DbOrTx, f: OverviewFilters): Promise<ExpansionStep[]> {
  const rows = await db
    .select({
      id: events.id,
      title: events.title,
      platform: platforms.name,
      occurredOn: events.occurredOn,
    })
    .from(events)
    .innerJoin(platforms, eq(platforms.id, events.platformId))
    .where(eventWhere(f, "data_sharing_expansion"))
    .orderBy(asc(events.occurredOn), asc(events.id))
    .limit(2000);
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const [cats, recs] = await Promise.all([
    db
      .select({ eventId: eventDataCategories.eventId, label: dataCategories.label })
      .from(eventDataCategories)
      .innerJoin(dataCategories, eq(dataCategories.slug, eventDataCategories.categorySlug))
      .where(inArray(eventDataCategories.eventId, ids)),
    db
      .select({ eventId: eventRecipients.eventId, name: recipients.name })
      .from(eventRecipients)
      .innerJoin(recipients, eq(recipients.id, eventRecipients.recipientId))
      .where(inArray(eventRecipients.eventId, ids)),
  ]);
  const seen = new Map<string, { cats: Set<string>; recs: Set<string> }>();
  return rows.map((r) => {
    const acc = seen.get(r.platform) ?? { cats: new Set<string>(), recs: new Set<string>() };
    seen.set(r.platform, acc);
    const added: string[] = [];
    for (const c of cats.filter((c) => c.eventId === r.id)) {
      if (!acc.cats.has(c.label)) added.push(c.label);
      acc.cats.add(c.label);
    }
    for (const x of recs.filter((x) => x.eventId === r.id)) {
      if (!acc.recs.has(x.name)) added.push(`→ ${x.name}`);
      acc.recs.add(x.name);
    }
    return {
      eventId: r.id,
      platform: r.platform,
      date: day(r.occurredOn) as string,
      title: r.title,
      categories: acc.cats.size,
      recipients: acc.recs.size,
      added,
    };
  });
}

export interface PressureCase {
  caseId: number;
  title: string;
  platform: string;
  partner: string;
  leverage: string[];
  startedOn: string | null;
  endedOn: string | null;
  status: string;
}

/** Partner-pressure cases with their dominant platform and leverage. */
export async function pressureCases(db: DbOrTx, f: OverviewFilters): Promise<PressureCase[]> {
  const rows = await db
    .select({
      caseId: cases.id,
      title: cases.title,
      platform: platforms.name,
      partner: cases.partner,
      leverage: cases.leverage,
      startedOn: cases.startedOn,
      endedOn: cases.endedOn,
      status: cases.status,
    })
    .from(cases)
    .innerJoin(platforms, eq(platforms.id, cases.dominantPlatformId))
    .where(
      and(
        f.platform ? eq(platforms.slug, f.platform) : undefined,
        f.from ? gte(cases.startedOn, f.from) : undefined,
        f.to ? lte(cases.startedOn, f.to) : undefined,
      ),
    )
    .orderBy(asc(cases.startedOn), asc(cases.id))
    .limit(1000);
  return rows.map((r) => ({ ...r, startedOn: day(r.startedOn), endedOn: day(r.endedOn) }));
}

export interface ActivityMonth {
  month: string;
  platform: string;
  versions: number;
  avgWords: number;
}

/** Versions per month and platform, with the mean length in words of those versions. */
export async function changeActivity(db: DbOrTx, f: OverviewFilters): Promise<ActivityMonth[]> {
  const month = sql<string>`to_char(date_trunc('month', ${versions.capturedAt} at time zone 'UTC'), 'YYYY-MM')`;
  const rows = await db
    .select({
      month,
      platform: platforms.name,
      versions: sql<number>`count(*)::int`,
      avgWords: sql<number>`round(avg(${versions.wordCount}))::int`,
    })
    .from(versions)
    .innerJoin(documents, eq(documents.id, versions.documentId))
    .innerJoin(platforms, eq(platforms.id, documents.platformId))
    .where(
      and(
        f.platform ? eq(platforms.slug, f.platform) : undefined,
        f.from ? gte(versions.capturedAt, new Date(f.from)) : undefined,
        f.to ? lte(versions.capturedAt, new Date(`${f.to}T23:59:59Z`)) : undefined,
      ),
    )
    .groupBy(month, platforms.name)
    .orderBy(month, platforms.name);
  return rows;
}

export async function platformOptions(db: DbOrTx) {
  return db
    .select({ slug: platforms.slug, name: platforms.name })
    .from(platforms)
    .orderBy(platforms.name);
}

export async function categoryOptions(db: DbOrTx) {
  return db
    .select({ slug: dataCategories.slug, label: dataCategories.label })
    .from(dataCategories)
    .orderBy(dataCategories.label);
}
