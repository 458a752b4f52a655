/** Seeds the base recipients (the taxonomy itself is a migration) and the curated events and cases (idempotent). */
import { and, asc, eq, gte, like } from "drizzle-orm";
import type { Db } from "../client";
import { caseBySlug, createCase, createEvent, eventsBySeedKey, seedTaxonomy } from "../queries/investigations";
import { upsertPlatform } from "../queries/archive";
import { documents, type RecipientKind, versions } from "../schema";
import { type ArchivedEvidence, CURATED_CASES, CURATED_EVENTS } from "./curated";

const BASE_RECIPIENTS: Array<{ name: string; kind: RecipientKind }> = [
  { name: "Facebook Companies", kind: "group_company" },
  { name: "advertisers", kind: "advertisers" },
  { name: "partners", kind: "partners" },
  { name: "rights holders", kind: "rights_holders" },
  { name: "mobile networks", kind: "mobile_networks" },
  { name: "Amazon", kind: "named_company" },
  { name: "Sony Music Entertainment", kind: "named_company" },
];

/** The sentence (or list item) of an archived version that holds the phrase, if the archive has it. */
async function locateEvidence(db: Db, evidence: ArchivedEvidence) {
  const [row] = await db
    .select({ id: versions.id, markdown: versions.markdown })
    .from(versions)
    .innerJoin(documents, eq(documents.id, versions.documentId))
    .where(
      and(
        eq(documents.key, evidence.documentKey),
        gte(versions.capturedAt, new Date(`${evidence.date}T00:00:00Z`)),
        like(versions.markdown, `%${evidence.phrase}%`),
      ),
    )
    .orderBy(asc(versions.capturedAt))
    .limit(1);
  if (!row) return undefined;
  const line = row.markdown.split("\n").find((l) => l.includes(evidence.phrase)) ?? evidence.phrase;
  return { versionId: row.id, passage: line.replace(/^[\s*#>-]+/, "").trim() };
}

export async function seedInvestigations(db: Db) {
  await seedTaxonomy(db, { categories: [], recipients: BASE_RECIPIENTS });
  await upsertPlatform(db, { slug: "ecobee", name: "Ecobee" });
  await upsertPlatform(db, { slug: "sony-music", name: "Sony Music", parent: "Sony" });

  let created = 0;
  for (const c of CURATED_CASES) {
    if (await caseBySlug(db, c.slug)) continue;
    await createCase(db, c);
    created++;
  }
  const existing = new Set((await eventsBySeedKey(db, CURATED_EVENTS.map((e) => e.seedKey))).map((e) => e.seedKey));
  for (const { evidence = [], ...event } of CURATED_EVENTS) {
    if (existing.has(event.seedKey)) continue;
    const archived = [];
    for (const e of evidence) {
      const found = await locateEvidence(db, e);
      if (found) archived.push(found);
    }
    await createEvent(db, { ...event, citations: [...event.citations, ...archived] });
    created++;
  }
  return created;
}
