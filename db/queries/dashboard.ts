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
    with first_c as (
      select e.platform_id, edc.category_slug as key, min(e.occurred_on) as day
      from ${events} e
      join ${platforms} p on p.id = e.platform_id
      join ${eventDataCategories} edc on edc.event_id = e.id
      where ${filters}
      group by 1, 2
    ), first_r as (
      select e.platform_id, er.recipient_id::text as key, min(e.occurred_on) as day
      from ${events} e
      join ${platforms} p on p.id = e.platform_id
      join ${eventRecipients} er on er.event_id = e.id
      where ${filters}
      group by 1, 2
    ), firsts as (
      select p.name as platform, 'category' as what, dc.label as item, f.day,
        (select min(e.id) from ${events} e join ${eventDataCategories} edc on edc.event_id = e.id
          where e.kind = 'data_sharing_expansion' and e.occurred_on = f.day
            and e.platform_id = f.platform_id and edc.category_slug = f.key) as event_id
      from first_c f join ${platforms} p on p.id = f.platform_id
      join ${dataCategories} dc on dc.slug = f.key
      union all
      select p.name, 'recipient', r.name, f.day,
        (select min(e.id) from ${events} e join ${eventRecipients} er on er.event_id = e.id
          where e.kind = 'data_sharing_expansion' and e.occurred_on = f.day
            and e.platform_id = f.platform_id and er.recipient_id::text = f.key)
      from first_r f join ${platforms} p on p.id = f.platform_id
      join ${recipients} r on r.id::text = f.key
    ), steps as (
      select platform, day, min(event_id) as event_id,
        count(*) filter (where what = 'category')::int as new_categories,
        count(*) filter (where what = 'recipient')::int as new_recipients,
        array_agg(case when what = 'recipient' then '→ ' || item else item end order by what, item) as added
      from firsts
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
  // Aggregate by document and month first (an index-only scan of the covering index), then by
  // platform: grouping 50k versions by text keys directly is what costs.
  const rows = (await db.execute(sql`
    select to_char(x.m, 'YYYY-MM') as month, p.name as platform,
      sum(x.n)::int as versions, round(sum(x.w) / sum(x.n))::int as "avgWords"
    from (
      select v.document_id, date_trunc('month', v.captured_at at time zone 'UTC') as m,
        count(*) as n, sum(v.word_count) as w
      from ${versions} v
      where ${f.from ? sql`v.captured_at >= ${`${f.from}T00:00:00Z`}::timestamptz` : sql`true`}
        and ${f.to ? sql`v.captured_at <= ${`${f.to}T23:59:59Z`}::timestamptz` : sql`true`}
      group by 1, 2
    ) x
    join ${documents} d on d.id = x.document_id
    join ${platforms} p on p.id = d.platform_id
    where ${f.platform ? sql`p.slug = ${f.platform}` : sql`true`}
    group by x.m, p.name
    order by x.m, p.name`)) as unknown as ActivityMonth[];
  return rows.map((r) => ({ ...r, versions: Number(r.versions), avgWords: Number(r.avgWords) }));
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
