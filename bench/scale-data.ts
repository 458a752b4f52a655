/**
 * A synthetic scale set for the render bench: 100k events (with categories, recipients and a
 * citation each), 50k versions (with their changes) over 500 documents, and 1M fetch runs,
 * added to a database that already holds the seed. Generated in SQL, so it takes seconds.
 *
 *   npx tsx bench/scale-data.ts <database-url>   (or call addScaleData from a bench)
 */
import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";

export const SCALE = { events: 100_000, versions: 50_000, documents: 500, fetchRuns: 1_000_000 };

export async function addScaleData(db: Db, log: (line: string) => void = console.log) {
  const started = performance.now();
  await db.execute(sql`
    insert into documents (platform_id, key, type, type_slug, origin, enabled)
    select p.id, 'scale/doc-' || g, 'Synthetic Policy ' || g, 'synthetic-' || g, 'scale', false
    from generate_series(1, ${SCALE.documents}) g
    join lateral (select id from platforms order by id offset (g % (select count(*) from platforms)) limit 1) p on true`);
  log("scale: documents");
  // 100 versions per document, one a week; each edits one sentence of ~400 words.
  await db.execute(sql`
    insert into versions (document_id, seq, captured_at, text_hash, markdown, word_count, origin)
    select d.id, s, timestamptz '2015-01-01' + (s * interval '7 days') + (d.id * interval '1 hour'),
      md5(d.id || '-' || s),
      '# Synthetic policy ' || d.id || E'\n\n' ||
      (select string_agg('Paragraph ' || k || ': we collect account information, device identifiers and usage data to provide the service ' ||
        case when k = (s % 20) then 'and share it with partners version ' || s else 'to our users' end || '.', E'\n\n')
       from generate_series(1, 20) k),
      400, 'scale'
    from (select id from documents where origin = 'scale' order by id) d
    cross join generate_series(1, ${SCALE.versions / SCALE.documents}) s`);
  log("scale: versions");
  await db.execute(sql`
    insert into changes (document_id, version_id, previous_version_id, added_passages, removed_passages, added_words, removed_words, passages)
    select v.document_id, v.id, v.prev, 1, 1, 18, 4, '[]'::jsonb
    from (select id, document_id, lag(id) over (partition by document_id order by seq) prev
          from versions where origin = 'scale') v
    where v.prev is not null`);
  log("scale: changes");
  await db.transaction(async (tx) => {
    await tx.execute(sql`
      insert into events (kind, title, summary, platform_id, occurred_on, announced_on, deadline, status, origin)
      select (array['forced_consent_deadline','data_sharing_expansion','partner_pressure','policy_update','public_statement','regulatory_action'])[1 + g % 6],
        'Synthetic event ' || g, 'A synthetic event for the scale bench, number ' || g || '.',
        (select id from platforms order by id offset (g % (select count(*) from platforms)) limit 1),
        date '2000-01-01' + (g % 9000),
        case when g % 6 = 0 then date '2000-01-01' + (g % 9000) end,
        case when g % 6 = 0 then date '2000-01-01' + (g % 9000) + 30 end,
        case when g % 3 = 0 then 'detected' else 'confirmed' end, 'curated'
      from generate_series(1, ${SCALE.events}) g`);
    await tx.execute(sql`
      insert into citations (event_id, publisher, title)
      select id, 'Synthetic', 'Synthetic source for ' || title from events where title like 'Synthetic event %'`);
    await tx.execute(sql`
      insert into event_data_categories (event_id, category_slug)
      select e.id, c.slug from events e
      join lateral (select slug from data_categories order by slug offset (e.id % (select count(*) from data_categories)) limit 1) c on true
      where e.title like 'Synthetic event %'`);
    await tx.execute(sql`
      insert into event_recipients (event_id, recipient_id)
      select e.id, r.id from events e
      join lateral (select id from recipients order by id offset (e.id % (select count(*) from recipients)) limit 1) r on true
      where e.title like 'Synthetic event %' and e.id % 2 = 0`);
  });
  log("scale: events");
  await db.execute(sql`
    insert into fetch_runs (document_id, status, trigger, started_at, finished_at, duration_ms, http_status)
    select d.id, case when g % 50 = 0 then 'failed' else 'unchanged' end, 'scale',
      timestamptz '2020-01-01' + (g * interval '3 minutes'), timestamptz '2020-01-01' + (g * interval '3 minutes') + interval '2 seconds',
      2000, 200
    from generate_series(1, ${SCALE.fetchRuns}) g
    join (select id, row_number() over (order by id) - 1 as n from documents where origin = 'scale') d
      on d.n = g % ${SCALE.documents}`);
  log("scale: fetch runs");
  // What autovacuum would have done by now: statistics, and the visibility map for index-only scans.
  await db.execute(sql`vacuum analyze`);
  log(`scale: done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const url = process.argv[2] ?? process.env.DATABASE_URL;
  if (!url) {
    console.error("Usage: npx tsx bench/scale-data.ts <database-url>");
    process.exit(2);
  }
  const { createDb } = await import("@/db/client");
  const { db, sql: client } = createDb(url, { max: 1 });
  await addScaleData(db);
  await client.end();
}
