/**
 * Full-text search over versions, in each document's language: the generated `search_en` and
 * `search_fr` columns (migration 0006) hold the English and French tsvectors; a French
 * document (locale fr*) is searched with the French configuration, any other with English.
 */
import { sql } from "drizzle-orm";
import type { DbOrTx } from "./types";

export interface SearchHit {
  versionId: number;
  documentId: number;
  documentType: string;
  documentKey: string;
  platform: string;
  locale: string;
  capturedAt: Date;
  rank: number;
  /** How many versions of the document match (the hit shows the best one). */
  matchingVersions: number;
  /** ts_headline output: the passages, with matches between \u0002 and \u0003. */
  headline: string;
}

export const HIGHLIGHT_START = "\u0002";
export const HIGHLIGHT_STOP = "\u0003";

export async function searchVersions(
  db: DbOrTx,
  params: { q: string; platform?: string; limit?: number },
): Promise<SearchHit[]> {
  const q = params.q.trim();
  if (!q) return [];
  const limit = Math.min(params.limit ?? 30, 100);
  const platform = params.platform || null;
  const rows = await db.execute(sql`
    with q as (
      select websearch_to_tsquery('english', ${q}) as en, websearch_to_tsquery('french', ${q}) as fr
    ),
    matches as (
      select v.id, v.document_id, v.captured_at, d.locale, d.type, d.key, p.name as platform,
        case when d.locale like 'fr%' then ts_rank(v.search_fr, q.fr) else ts_rank(v.search_en, q.en) end as rank
      from versions v
      join documents d on d.id = v.document_id
      join platforms p on p.id = d.platform_id
      cross join q
      where ((d.locale like 'fr%' and v.search_fr @@ q.fr) or (d.locale not like 'fr%' and v.search_en @@ q.en))
        and (${platform}::text is null or p.slug = ${platform}::text)
    ),
    -- One hit per document: its best-ranked, then latest, matching version.
    hits as (
      select * from (
        select distinct on (document_id) *, count(*) over (partition by document_id) as versions
        from matches order by document_id, rank desc, captured_at desc
      ) best
      order by rank desc, captured_at desc
      limit ${limit}
    )
    select h.id as "versionId", h.document_id as "documentId", h.type as "documentType",
      h.key as "documentKey", h.platform, h.locale, h.captured_at as "capturedAt", h.rank,
      h.versions as "matchingVersions",
      ts_headline(
        case when h.locale like 'fr%' then 'french'::regconfig else 'english'::regconfig end,
        v.markdown,
        case when h.locale like 'fr%' then q.fr else q.en end,
        'StartSel=${sql.raw(HIGHLIGHT_START)}, StopSel=${sql.raw(HIGHLIGHT_STOP)}, MaxFragments=2, MaxWords=30, MinWords=12, FragmentDelimiter=" … "'
      ) as headline
    from hits h join versions v on v.id = h.id cross join q
    order by h.rank desc, h.captured_at desc
  `);
  return (rows as unknown as Array<Record<string, unknown>>).map((r) => ({
    versionId: Number(r.versionId),
    documentId: Number(r.documentId),
    documentType: String(r.documentType),
    documentKey: String(r.documentKey),
    platform: String(r.platform),
    locale: String(r.locale),
    capturedAt: new Date(r.capturedAt as string),
    rank: Number(r.rank),
    matchingVersions: Number(r.matchingVersions),
    headline: String(r.headline),
  }));
}
