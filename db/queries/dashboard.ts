/** Reads for the overview's charts: every figure comes from the archive and the investigation data. */
import { and, asc, desc, eq, gte, inArray, lte, type SQL, sql } from "drizzle-orm";
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

/** The chart draws the latest deadlines only; the CSV export holds them all. */
export const DEADLINE_LIMIT = 60;

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
    .orderBy(desc(events.occurredOn), desc(events.id))
    .limit(DEADLINE_LIMIT);
  rows.reverse();
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
 * recipients named by its expansion events. A step is a day on which something new appears
 * (computed in SQL from each category's and recipient's first appearance, so it scales with the
 * taxonomy, not with the number of events); it links to the first event that named it.
 */
export async function expansionSteps(db: DbOrTx, f: OverviewFilters): Promise<ExpansionStep[]> {
  const filters = sql.join(
    [
      sql`e.kind = 'data_sharing_expansion'`,
      f.platform ? sql`p.slug = ${f.platform}` : sql`true`,
      f.from ? sql`e.occurred_on >= ${f.from}` : sql`true`,
      f.to ? sql`e.occurred_on <= ${f.to}` : sql`true`,
    ],
    sql` and `,
  );
  const rows = (await db.execute(sql`
    with firsts as (
      select distinct on (p.id, edc.category_slug) p.name as platform, 'category' as what,
        dc.label as item, e.occurred_on as day, e.id as event_id
      from ${events} e
      join ${platforms} p on p.id = e.platform_id
      join ${eventDataCategories} edc on edc.event_id = e.id
      join ${dataCategories} dc on dc.slug = edc.category_slug
      where ${filters}
      order by p.id, edc.category_slug, e.occurred_on, e.id
    ), firsts_r as (
      select distinct on (p.id, er.recipient_id) p.name as platform, 'recipient' as what,
        r.name as item, e.occurred_on as day, e.id as event_id
      from ${events} e
      join ${platforms} p on p.id = e.platform_id
      join ${eventRecipients} er on er.event_id = e.id
      join ${recipients} r on r.id = er.recipient_id
      where ${filters}
      order by p.id, er.recipient_id, e.occurred_on, e.id
    ), steps as (
      select platform, day, min(event_id) as event_id,
        count(*) filter (where what = 'category')::int as new_categories,
        count(*) filter (where what = 'recipient')::int as new_recipients,
        array_agg(case when what = 'recipient' then '→ ' || item else item end order by what, item) as added
      from (select * from firsts union all select * from firsts_r) x
      group by platform, day
    )
    select s.platform, to_char(s.day, 'YYYY-MM-DD') as date, s.event_id as "eventId", ev.title,
      s.new_categories as "newCategories", s.new_recipients as "newRecipients", s.added
    from steps s join ${events} ev on ev.id = s.event_id
    order by s.day, s.platform
    limit 5000`)) as unknown as Array<{
    platform: string;
    date: string;
    eventId: number | string;
    title: string;
    newCategories: number;
    newRecipients: number;
    added: string[];
  }>;
  const totals = new Map<string, { categories: number; recipients: number }>();
  return rows.map((r) => {
    const t = totals.get(r.platform) ?? { categories: 0, recipients: 0 };
    t.categories += r.newCategories;
    t.recipients += r.newRecipients;
    totals.set(r.platform, t);
    return {
      eventId: Number(r.eventId),
      platform: r.platform,
      date: r.date,
      title: r.title,
      categories: t.categories,
      recipients: t.recipients,
      added: r.added,
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

/**
 * The archive's totals. Exact counts, except fetch runs past a million rows or so, where the
 * planner's estimate stands in (shown as approximate), so the page never scans them all.
 */
export async function dashboardTotals(db: DbOrTx) {
  const rows = (await db.execute(sql`
    select
      (select count(*)::int from ${platforms}) as platforms,
      (select count(*)::int from ${documents}) as documents,
      (select count(*)::int from ${versions}) as versions,
      (select count(*)::int from changes) as changes,
      (select greatest(reltuples, 0)::bigint from pg_class where oid = 'fetch_runs'::regclass) as "fetchRunsEstimate"
  `)) as unknown as Array<Record<string, number | string>>;
  const r = rows[0] ?? {};
  let fetchRuns = Number(r.fetchRunsEstimate ?? 0);
  let fetchRunsApproximate = fetchRuns > 500_000;
  if (!fetchRunsApproximate) {
    const exact = (await db.execute(
      sql`select count(*)::int as n from fetch_runs`,
    )) as unknown as Array<{ n: number }>;
    fetchRuns = Number(exact[0]?.n ?? 0);
    fetchRunsApproximate = false;
  }
  return {
    platforms: Number(r.platforms ?? 0),
    documents: Number(r.documents ?? 0),
    versions: Number(r.versions ?? 0),
    changes: Number(r.changes ?? 0),
    fetchRuns,
    fetchRunsApproximate,
  };
}

/** Documents per platform, for the overview's platform table. */
export async function documentsPerPlatform(db: DbOrTx) {
  return db
    .select({
      slug: platforms.slug,
      name: platforms.name,
      parent: platforms.parent,
      documents: sql<number>`count(${documents.id})::int`,
    })
    .from(platforms)
    .leftJoin(documents, eq(documents.platformId, platforms.id))
    .groupBy(platforms.id)
    .orderBy(platforms.name);
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
