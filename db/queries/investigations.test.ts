import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { citations, events, findings } from "../schema";
import { createTestDatabase, type TestDatabase } from "../testing";
import { appendVersion, upsertDocument, upsertPlatform } from "./archive";
import {
  confirmFinding,
  dismissFinding,
  ReviewError,
  recordFindings,
  reopenFinding,
} from "./findings";
import { createCase, createEvent } from "./investigations";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
  await upsertPlatform(t.db, { slug: "whatsapp", name: "WhatsApp", parent: "Meta" });
  await upsertPlatform(t.db, { slug: "amazon", name: "Amazon" });
});
afterAll(() => t.drop());

const baseEvent = {
  kind: "regulatory_action" as const,
  title: "A fine",
  summary: "A regulator fined the platform.",
  platformSlug: "whatsapp",
  occurredOn: "2021-09-02",
};

describe("events and cases need evidence", () => {
  it("refuses an event without citation, before and inside the database", async () => {
    await expect(createEvent(t.db, { ...baseEvent, citations: [] })).rejects.toThrow(
      /at least one citation/,
    );
    // Bypassing the input check, the database still refuses at commit.
    await expect(
      t.db.transaction(async (tx) => {
        await tx
          .insert(events)
          .values({ kind: "policy_update", title: "x", summary: "x", occurredOn: "2021-01-01" });
      }),
    ).rejects.toThrow(/no citation or evidence/);
    expect(await t.db.select().from(events)).toHaveLength(0);
  });

  it("refuses deleting the last citation of an event", async () => {
    const event = await createEvent(t.db, {
      ...baseEvent,
      citations: [{ publisher: "DPC", title: "Decision" }],
    });
    const failure = await t.db
      .delete(citations)
      .where(eq(citations.eventId, event.id))
      .catch((e: Error) => e);
    expect(String((failure as Error & { cause?: Error }).cause?.message)).toMatch(/no citation/);
  });

  it("saves a forced-consent deadline with its postponement, and checks its shape", async () => {
    await expect(
      createEvent(t.db, {
        ...baseEvent,
        kind: "forced_consent_deadline",
        citations: [{ title: "x" }],
      }),
    ).rejects.toThrow(/deadline/);
    const event = await createEvent(t.db, {
      ...baseEvent,
      kind: "forced_consent_deadline",
      deadline: "2021-02-08",
      announcedOn: "2021-01-05",
      consequence: "lose access",
      postponements: [{ newDeadline: "2021-05-15", announcedOn: "2021-01-15" }],
      uncertain: true,
      citations: [{ title: "Giving More Time", url: "https://blog.whatsapp.com/x" }],
    });
    expect(event).toMatchObject({ deadline: "2021-02-08", uncertain: true });
  });

  it("refuses a citation that is neither a published source nor an archived passage", async () => {
    await expect(
      createEvent(t.db, { ...baseEvent, citations: [{ url: "https://example.org" }] }),
    ).rejects.toThrow(/title/);
  });

  it("saves a case with leverage and demanded categories", async () => {
    const saved = await createCase(t.db, {
      slug: "amazon-ecobee",
      title: "Amazon presses Ecobee",
      summary: "Amazon asked Ecobee for thermostat data.",
      dominantPlatformSlug: "amazon",
      partner: "Ecobee",
      leverage: ["withheld updates", "placement"],
      categories: [{ slug: "connected_device_state" }],
      citations: [{ publisher: "WSJ", title: "Report" }],
    });
    expect(saved.leverage).toEqual(["withheld updates", "placement"]);
  });
});

describe("finding review states", () => {
  async function detected() {
    const platform = await upsertPlatform(t.db, { slug: "spotify", name: "Spotify" });
    const doc = await upsertDocument(t.db, {
      platformId: platform.id,
      key: `spotify/pp-${Math.random()}`,
      type: "Privacy Policy",
      typeSlug: "privacy-policy",
    });
    return t.db.transaction(async (tx) => {
      const base = {
        documentId: doc.id,
        wordCount: 5,
        capturedAt: new Date("2015-09-10T00:00:00Z"),
      };
      await appendVersion(tx, { ...base, markdown: "We collect your email.", textHash: "a" });
      const next = await appendVersion(tx, {
        ...base,
        markdown: "We collect your email.\nWe may access your contacts.",
        textHash: "b",
      });
      if (next.status !== "new_version" || !next.change) throw new Error("expected a change");
      await recordFindings(tx, {
        changeId: next.change.id,
        documentId: doc.id,
        versionId: next.version.id,
        substantive: true,
        findings: [
          {
            kind: "data_category_added",
            category: "contacts",
            excerpt: "We may access your contacts.",
          },
          { kind: "data_category_added", category: "contacts", excerpt: "duplicate is ignored" },
        ],
      });
      return tx.select().from(findings).where(eq(findings.changeId, next.change.id));
    });
  }

  it("confirming creates an event with the passage as evidence; it cannot be confirmed twice", async () => {
    const rows = await detected();
    expect(rows).toHaveLength(1);
    const finding = rows[0] as (typeof rows)[number];
    const { eventId } = await confirmFinding(t.db, {
      findingId: finding.id,
      reviewer: "maintainer@example.org",
    });
    const [event] = await t.db.select().from(events).where(eq(events.id, eventId));
    expect(event).toMatchObject({
      kind: "data_sharing_expansion",
      origin: "review",
      occurredOn: "2015-09-10",
    });
    const evidence = await t.db.select().from(citations).where(eq(citations.eventId, eventId));
    expect(evidence[0]).toMatchObject({
      versionId: finding.versionId,
      passage: "We may access your contacts.",
    });
    await expect(confirmFinding(t.db, { findingId: finding.id, reviewer: "m" })).rejects.toThrow(
      ReviewError,
    );
    await reopenFinding(t.db, { findingId: finding.id, reviewer: "m" });
    await expect(
      confirmFinding(t.db, { findingId: finding.id, reviewer: "m", eventId }),
    ).resolves.toEqual({ eventId });
  });

  it("dismissing needs a reason, and an edited excerpt must be an exact passage", async () => {
    const [finding] = await detected();
    if (!finding) throw new Error("no finding");
    await expect(
      dismissFinding(t.db, { findingId: finding.id, reviewer: "m", reason: "" }),
    ).rejects.toThrow(/why/);
    await expect(
      confirmFinding(t.db, {
        findingId: finding.id,
        reviewer: "m",
        correction: { excerpt: "made up text" },
      }),
    ).rejects.toThrow(/exact passage/);
    await dismissFinding(t.db, {
      findingId: finding.id,
      reviewer: "m",
      reason: "boilerplate, not new",
    });
    const [after] = await t.db.select().from(findings).where(eq(findings.id, finding.id));
    expect(after).toMatchObject({ state: "dismissed", dismissedReason: "boilerplate, not new" });
  });
});
