import { eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { appendVersion, upsertDocument, upsertPlatform } from "@/db/queries/archive";
import { citations, events, findings } from "@/db/schema";
import { createTestDatabase, type TestDatabase } from "@/db/testing";
import { listAudit } from "./audit";
import {
  confirmFindingAs,
  createCuratedCase,
  detectedFindings,
  dismissFindingAs,
  updateEvent,
} from "./review";

let t: TestDatabase;
const actor = { id: "u1", email: "m@example.com" };
const excerpt = "We now collect your precise location.";
const findingIds: number[] = [];

beforeAll(async () => {
  t = await createTestDatabase();
  const platform = await upsertPlatform(t.db, { slug: "acme", name: "Acme" });
  const doc = await upsertDocument(t.db, {
    platformId: platform.id,
    key: "acme/privacy-policy",
    type: "Privacy Policy",
    typeSlug: "privacy-policy",
    url: "https://example.com/p",
  });
  let last: Awaited<ReturnType<typeof appendVersion>> | undefined;
  for (const [i, text] of [
    "We collect your email.",
    `We collect your email.\n\n${excerpt}`,
  ].entries()) {
    last = await t.db.transaction((tx) =>
      appendVersion(tx, {
        documentId: doc.id,
        markdown: text,
        textHash: `h${i}`,
        wordCount: text.split(" ").length,
        capturedAt: new Date(Date.UTC(2024, 0, 1 + i)),
      }),
    );
  }
  if (last?.status !== "new_version" || !last.change) throw new Error("no change");
  for (const subject of ["location", "email"]) {
    const [row] = await t.db
      .insert(findings)
      .values({
        changeId: last.change.id,
        documentId: doc.id,
        versionId: last.version.id,
        kind: "data_category_added",
        subject,
        excerpt,
      })
      .returning();
    if (row) findingIds.push(row.id);
  }
});
afterAll(async () => t.drop());

it("lists detected findings with their diff passage", async () => {
  const queue = await detectedFindings(t.db);
  expect(queue).toHaveLength(2);
  expect(queue[0]?.passage).toMatchObject({ type: "added" });
  expect(queue[0]?.passage?.text).toContain("precise location");
});

it("confirms into an event, dismisses with a reason, edits the event; all audited", async () => {
  const [a, b] = findingIds as [number, number];
  const { eventId } = await confirmFindingAs(t.db, a, { title: "Acme wants your location" }, actor);
  const [event] = await t.db.select().from(events).where(eq(events.id, eventId));
  expect(event).toMatchObject({ title: "Acme wants your location", origin: "review" });
  const evidence = await t.db.select().from(citations).where(eq(citations.eventId, eventId));
  expect(evidence[0]?.passage).toBe(excerpt);

  await expect(dismissFindingAs(t.db, b, "", actor)).rejects.toThrow(/why/);
  await dismissFindingAs(t.db, b, "duplicate of the location finding", actor);
  expect(await detectedFindings(t.db)).toHaveLength(0);

  await updateEvent(
    t.db,
    eventId,
    {
      kind: "data_sharing_expansion",
      title: "Acme starts collecting precise location",
      summary: "From January 2024.",
      occurredOn: "2024-01-02",
      status: "confirmed",
      uncertain: false,
    },
    actor,
  );
  await createCuratedCase(
    t.db,
    {
      slug: "acme-partners",
      title: "Acme presses partners",
      summary: "Partners must share customer data.",
      dominantPlatformSlug: "acme",
      partner: "Widgets Inc",
      leverage: ["delisting"],
      citations: [{ title: "A newspaper story" }],
    },
    actor,
  );
  const log = await listAudit(t.db);
  expect(log.map((e) => e.action)).toEqual([
    "case.create",
    "event.update",
    "finding.dismiss",
    "finding.confirm",
  ]);
  expect(log[1]).toMatchObject({
    before: { title: "Acme wants your location" },
    after: { title: "Acme starts collecting precise location" },
  });
});
