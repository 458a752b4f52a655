/** Writes of the investigation data: taxonomy, recipients, events, cases and their citations. */
import { eq, inArray } from "drizzle-orm";
import type { Db } from "../client";
import {
  caseDataCategories,
  cases,
  citations,
  dataCategories,
  eventDataCategories,
  eventPostponements,
  eventRecipients,
  events,
  platforms,
  type RecipientKind,
  recipients,
} from "../schema";
import { type CaseInput, caseInput, type EventInput, eventInput } from "./investigation-input";
import type { DbOrTx, Tx } from "./types";

export async function seedTaxonomy(
  db: DbOrTx,
  params: {
    categories: Array<{ slug: string; label: string; description: string }>;
    recipients: Array<{ name: string; kind: RecipientKind }>;
  },
) {
  for (const category of params.categories) {
    await db
      .insert(dataCategories)
      .values(category)
      .onConflictDoUpdate({
        target: dataCategories.slug,
        set: { label: category.label, description: category.description },
      });
  }
  for (const recipient of params.recipients) await ensureRecipient(db, recipient);
}

export async function ensureRecipient(db: DbOrTx, params: { name: string; kind: RecipientKind }) {
  const [row] = await db
    .insert(recipients)
    .values(params)
    .onConflictDoUpdate({ target: recipients.name, set: { name: params.name } })
    .returning();
  if (!row) throw new Error(`Could not save recipient ${params.name}`);
  return row;
}

async function platformId(tx: DbOrTx, slug: string | undefined) {
  if (!slug) return null;
  const [row] = await tx
    .select({ id: platforms.id })
    .from(platforms)
    .where(eq(platforms.slug, slug));
  if (!row) throw new Error(`Unknown platform "${slug}"`);
  return row.id;
}

async function caseId(tx: DbOrTx, slug: string | undefined) {
  if (!slug) return null;
  const [row] = await tx.select({ id: cases.id }).from(cases).where(eq(cases.slug, slug));
  if (!row) throw new Error(`Unknown case "${slug}"`);
  return row.id;
}

/**
 * Saves an event with its categories, recipients, postponements and citations in one
 * transaction. Input is validated first; the database refuses an event without citation anyway.
 */
export async function createEvent(db: Db, input: EventInput, tx?: Tx) {
  const e = eventInput.parse(input);
  const work = async (t: Tx) => {
    const [event] = await t
      .insert(events)
      .values({
        kind: e.kind,
        title: e.title,
        summary: e.summary,
        platformId: await platformId(t, e.platformSlug),
        caseId: await caseId(t, e.caseSlug),
        occurredOn: e.occurredOn,
        announcedOn: e.announcedOn ?? null,
        deadline: e.deadline ?? null,
        consequence: e.consequence ?? null,
        status: e.status,
        origin: e.origin,
        uncertain: e.uncertain,
        uncertainNote: e.uncertainNote ?? null,
        seedKey: e.seedKey ?? null,
      })
      .returning();
    if (!event) throw new Error("Could not save the event");
    if (e.postponements.length > 0) {
      await t
        .insert(eventPostponements)
        .values(e.postponements.map((p) => ({ ...p, eventId: event.id })));
    }
    if (e.categories.length > 0) {
      await t.insert(eventDataCategories).values(
        e.categories.map((c) => ({
          eventId: event.id,
          categorySlug: c.slug,
          uncertain: c.uncertain,
        })),
      );
    }
    for (const r of e.recipients) {
      const [recipient] = await t.select().from(recipients).where(eq(recipients.name, r.slug));
      if (!recipient) throw new Error(`Unknown recipient "${r.slug}"`);
      await t
        .insert(eventRecipients)
        .values({ eventId: event.id, recipientId: recipient.id, uncertain: r.uncertain });
    }
    await t.insert(citations).values(e.citations.map((c) => ({ ...c, eventId: event.id })));
    return event;
  };
  return tx ? work(tx) : db.transaction(work);
}

export async function createCase(db: Db, input: CaseInput) {
  const c = caseInput.parse(input);
  return db.transaction(async (t) => {
    const dominant = await platformId(t, c.dominantPlatformSlug);
    const [row] = await t
      .insert(cases)
      .values({
        slug: c.slug,
        title: c.title,
        summary: c.summary,
        dominantPlatformId: dominant as number,
        partner: c.partner,
        leverage: c.leverage,
        startedOn: c.startedOn ?? null,
        endedOn: c.endedOn ?? null,
        outcome: c.outcome ?? null,
        status: c.status,
        uncertain: c.uncertain,
        uncertainNote: c.uncertainNote ?? null,
      })
      .returning();
    if (!row) throw new Error("Could not save the case");
    if (c.categories.length > 0) {
      await t.insert(caseDataCategories).values(
        c.categories.map((cat) => ({
          caseId: row.id,
          categorySlug: cat.slug,
          uncertain: cat.uncertain,
        })),
      );
    }
    await t.insert(citations).values(c.citations.map((cit) => ({ ...cit, caseId: row.id })));
    return row;
  });
}

export async function eventsBySeedKey(db: DbOrTx, keys: string[]) {
  if (keys.length === 0) return [];
  return db
    .select({ id: events.id, seedKey: events.seedKey })
    .from(events)
    .where(inArray(events.seedKey, keys));
}

export async function caseBySlug(db: DbOrTx, slug: string) {
  const [row] = await db.select().from(cases).where(eq(cases.slug, slug));
  return row;
}
