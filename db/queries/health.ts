/**
 * What /health shows: failing sources grouped by error class, extractions that suddenly lost
 * most of their text, the scrape queue's backlog, and when each worker was last seen.
 */
import { desc, sql } from "drizzle-orm";
import { documents, fetchRuns, platforms, workerHeartbeats } from "../schema";
import type { DbOrTx } from "./types";

/** Sources whose latest run failed, with the error and how many failures in a row. */
export async function failingSources(db: DbOrTx) {
  const rows = await db.execute<{
    id: number;
    platform: string;
    type: string;
    url: string | null;
    error_class: string | null;
    error_code: string | null;
    error_message: string | null;
    started_at: string;
    failures: number;
  }>(sql`
    with latest as (
      select distinct on (fr.document_id) fr.*
      from ${fetchRuns} fr
      order by fr.document_id, fr.started_at desc, fr.id desc
    )
    select d.id, p.name as platform, d.type, d.url, l.error_class, l.error_code,
      left(l.error_message, 500) as error_message, l.started_at,
      (select count(*)::int from ${fetchRuns} f where f.document_id = d.id and f.status = 'failed'
         and f.started_at > coalesce((select max(ok.started_at) from ${fetchRuns} ok
           where ok.document_id = d.id and ok.status in ('unchanged', 'new_version')), '-infinity'::timestamptz)) as failures
    from latest l
    join ${documents} d on d.id = l.document_id
    join ${platforms} p on p.id = d.platform_id
    where l.status in ('failed', 'abandoned')
    order by l.error_class, failures desc, p.name`);
  const groups = new Map<string, typeof list>();
  const list = [...rows].map((r) => ({
    id: r.id,
    platform: r.platform,
    type: r.type,
    url: r.url,
    errorClass: r.error_class ?? "unknown",
    errorCode: r.error_code ?? "unknown",
    errorMessage: r.error_message,
    lastRunAt: new Date(r.started_at),
    failuresInARow: r.failures,
  }));
  for (const item of list) {
    const group = groups.get(item.errorClass) ?? [];
    group.push(item);
    groups.set(item.errorClass, group);
  }
  return [...groups.entries()].map(([errorClass, sources]) => ({ errorClass, sources }));
}

/**
 * Extractions that suddenly lost most of their text: a run whose extraction came out far
 * shorter than the version before (recorded as blocked/suspected_wall, not made a version), or
 * a latest version under half the words of the one before it. Last 30 days.
 */
export async function shrunkExtractions(db: DbOrTx) {
  const rows = await db.execute<{
    id: number;
    platform: string;
    type: string;
    at: string;
    words_before: number;
    words_after: number;
    how: string;
  }>(sql`
    with ranked as (
      select v.document_id, v.word_count, v.captured_at,
        lag(v.word_count) over (partition by v.document_id order by v.seq) as previous,
        row_number() over (partition by v.document_id order by v.seq desc) as rn
      from versions v
    ),
    shrunk_versions as (
      select document_id, captured_at as at, previous as words_before, word_count as words_after,
        'version' as how
      from ranked
      where rn = 1 and previous is not null and word_count < previous * 0.5
        and captured_at > now() - interval '30 days'
    ),
    walls as (
      select distinct on (fr.document_id) fr.document_id, fr.started_at as at,
        (select v.word_count from versions v where v.document_id = fr.document_id
          order by v.seq desc limit 1) as words_before,
        coalesce(fr.extracted_words, 0) as words_after, 'run refused as a wall' as how
      from ${fetchRuns} fr
      where fr.error_code = 'suspected_wall' and fr.started_at > now() - interval '30 days'
      order by fr.document_id, fr.started_at desc
    )
    select d.id, p.name as platform, d.type, s.at, s.words_before, s.words_after, s.how
    from (select * from shrunk_versions union all select * from walls) s
    join ${documents} d on d.id = s.document_id
    join ${platforms} p on p.id = d.platform_id
    order by s.at desc`);
  return [...rows].map((r) => ({
    id: r.id,
    platform: r.platform,
    type: r.type,
    at: new Date(r.at),
    wordsBefore: r.words_before,
    wordsAfter: r.words_after,
    how: r.how,
  }));
}

/** The scrape queue's jobs by state; empty before any worker created the queue. */
export async function queueBacklog(db: DbOrTx): Promise<Record<string, number>> {
  try {
    const rows = await db.execute<{ state: string; n: number }>(
      sql`select state::text as state, count(*)::int as n from pgboss.job where name = 'scrape'
          and state in ('created', 'retry', 'active') group by state`,
    );
    const out: Record<string, number> = { created: 0, retry: 0, active: 0 };
    for (const r of rows) out[r.state] = r.n;
    const [overdue] = await db.execute<{ n: number }>(
      sql`select count(*)::int as n from pgboss.job where name = 'scrape' and state in ('created', 'retry')
          and start_after < now() - interval '5 minutes'`,
    );
    out.overdue = overdue?.n ?? 0;
    return out;
  } catch {
    return {};
  }
}

export async function workersSeen(db: DbOrTx) {
  const rows = await db
    .select()
    .from(workerHeartbeats)
    .where(sql`${workerHeartbeats.lastSeenAt} > now() - interval '7 days'`)
    .orderBy(desc(workerHeartbeats.lastSeenAt))
    .limit(50);
  const now = Date.now();
  return rows.map((w) => ({
    ...w,
    state: w.stoppedAt
      ? ("stopped" as const)
      : now - w.lastSeenAt.getTime() < 90_000
        ? ("alive" as const)
        : ("lost" as const),
  }));
}

export async function healthReport(db: DbOrTx) {
  const [failing, shrunk, backlog, workers] = await Promise.all([
    failingSources(db),
    shrunkExtractions(db),
    queueBacklog(db),
    workersSeen(db),
  ]);
  return {
    ok: failing.length === 0 && shrunk.length === 0 && workers.some((w) => w.state === "alive"),
    failing,
    shrunk,
    backlog,
    workers,
  };
}
