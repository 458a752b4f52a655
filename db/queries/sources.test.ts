import { afterAll, beforeAll, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/db/testing";
import { listAudit } from "./audit";
import { sourceInput } from "./source-input";
import { createSource, setSourceEnabled, updateSource } from "./sources";
import { listSources } from "./sources-read";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => t.drop());

const actor = { id: "u1", email: "m@example.com" };
const base = {
  platformSlug: "acme",
  platformName: "Acme",
  type: "Privacy Policy",
  url: "https://example.com/privacy",
  fetcher: "http" as const,
  select: "main",
};

it("validates the declaration fields", () => {
  const bad = sourceInput.safeParse({
    ...base,
    platformSlug: "Not A Slug",
    type: "Nonsense",
    url: "ftp://example.com",
    schedule: "61 * * * *",
    select: "main[",
    locale: "English",
  });
  expect(bad.success).toBe(false);
  const paths = bad.error?.issues.map((i) => i.path[0]);
  expect(paths).toEqual(
    expect.arrayContaining(["platformSlug", "type", "url", "schedule", "select", "locale"]),
  );
  const ok = sourceInput.parse({ ...base, select: '{"startAfter": "h1", "endBefore": "footer"}' });
  expect(ok.schedule).toBe("0 4 * * *");
  expect(ok.select).toEqual([{ startAfter: "h1", endBefore: "footer" }]);
});

it("records who changed which source and schedule, from what to what", async () => {
  const doc = await createSource(t.db, base, actor);
  expect(doc.key).toBe("acme/privacy-policy");
  expect(doc.origin).toBe("maintainer");
  await updateSource(t.db, doc.id, { ...base, schedule: "30 6 * * 1" }, actor);
  await updateSource(
    t.db,
    doc.id,
    { ...base, schedule: "30 6 * * 1", url: "https://example.com/p2" },
    actor,
  );
  await setSourceEnabled(t.db, doc.id, false, actor);
  await expect(createSource(t.db, base, actor)).rejects.toThrow(/already exists/);

  const log = await listAudit(t.db);
  expect(log.map((e) => e.action)).toEqual([
    "source.pause",
    "source.update",
    "schedule.update",
    "source.create",
  ]);
  const schedule = log.find((e) => e.action === "schedule.update");
  expect(schedule).toMatchObject({
    actorEmail: "m@example.com",
    entity: "source",
    entityId: String(doc.id),
    before: { schedule: "0 4 * * *" },
    after: { schedule: "30 6 * * 1" },
  });
  const [row] = await listSources(t.db);
  expect(row).toMatchObject({ enabled: false, schedule: "30 6 * * 1", consecutiveFailures: 0 });
});
