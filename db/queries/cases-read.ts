/** Reads for the cases pages: a case, its parties, demand, leverage, timeline and citations. */
import { asc, eq, sql } from "drizzle-orm";
import { caseDataCategories, cases, dataCategories, platforms } from "../schema";
import { citationsFor, timelineEvents } from "./timeline";
import type { DbOrTx } from "./types";

export async function caseList(db: DbOrTx) {
  return db
    .select({
      id: cases.id,
      slug: cases.slug,
      title: cases.title,
      platform: platforms.name,
      platformSlug: platforms.slug,
      partner: cases.partner,
      leverage: cases.leverage,
      startedOn: cases.startedOn,
      endedOn: cases.endedOn,
      status: cases.status,
      uncertain: cases.uncertain,
      demanded: sql<
        string[]
      >`coalesce((select array_agg(dc.label order by dc.label) from ${caseDataCategories} cdc join ${dataCategories} dc on dc.slug = cdc.category_slug where cdc.case_id = ${cases.id}), '{}')`,
    })
    .from(cases)
    .innerJoin(platforms, eq(platforms.id, cases.dominantPlatformId))
    .orderBy(asc(cases.startedOn), asc(cases.id));
}

export async function caseById(db: DbOrTx, params: { id: number }) {
  const [row] = await db
    .select({
      id: cases.id,
      slug: cases.slug,
      title: cases.title,
      summary: cases.summary,
      platform: platforms.name,
      platformSlug: platforms.slug,
      partner: cases.partner,
      leverage: cases.leverage,
      startedOn: cases.startedOn,
      endedOn: cases.endedOn,
      outcome: cases.outcome,
      status: cases.status,
      uncertain: cases.uncertain,
      uncertainNote: cases.uncertainNote,
    })
    .from(cases)
    .innerJoin(platforms, eq(platforms.id, cases.dominantPlatformId))
    .where(eq(cases.id, params.id));
  if (!row) return undefined;
  const [demanded, timeline, citations] = await Promise.all([
    db
      .select({
        slug: caseDataCategories.categorySlug,
        label: dataCategories.label,
        uncertain: caseDataCategories.uncertain,
      })
      .from(caseDataCategories)
      .innerJoin(dataCategories, eq(dataCategories.slug, caseDataCategories.categorySlug))
      .where(eq(caseDataCategories.caseId, row.id)),
    timelineEvents(db, { caseId: row.id, limit: 500 }),
    citationsFor(db, { caseId: row.id }),
  ]);
  return { ...row, demanded, events: timeline.events, citations };
}
