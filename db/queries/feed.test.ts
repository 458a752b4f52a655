import { afterAll, beforeAll, expect, it } from "vitest";
import { appendVersion, upsertDocument, upsertPlatform } from "@/db/queries/archive";
import { createTestDatabase, type TestDatabase } from "@/db/testing";
import { feedEntries } from "./feed";
import { createEvent } from "./investigations";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
  process.env.DATABASE_URL = t.url;
  const acme = await upsertPlatform(t.db, { slug: "acme", name: "Acme & Co <Ltd>" });
  await upsertPlatform(t.db, { slug: "other", name: "Other" });
  const doc = await upsertDocument(t.db, {
    platformId: acme.id,
    key: "acme/privacy-policy",
    type: "Privacy Policy",
    typeSlug: "privacy-policy",
    url: "https://example.com/p",
  });
  const appended = await t.db.transaction((tx) =>
    appendVersion(tx, {
      documentId: doc.id,
      markdown: "We collect your email.",
      textHash: "h1",
      wordCount: 4,
      capturedAt: new Date("2024-03-01T10:00:00Z"),
    }),
  );
  await createEvent(t.db, {
    kind: "policy_update",
    title: "Acme updates its policy",
    summary: "A summary",
    platformSlug: "acme",
    occurredOn: "2024-03-02",
    citations: [{ versionId: appended.version.id, passage: "We collect your email." }],
  });
  await createEvent(t.db, {
    kind: "regulatory_action",
    title: "Other is fined",
    summary: "A fine",
    platformSlug: "other",
    occurredOn: "2023-01-01",
    citations: [{ title: "A newspaper" }],
  });
});
afterAll(async () => t.drop());

it("lists versions and events newest first, with the timeline's filters", async () => {
  const all = await feedEntries(t.db, {});
  expect(all.map((e) => e.type)).toEqual(["event", "version", "event"]);
  expect((await feedEntries(t.db, { platform: "other" })).map((e) => e.title)).toEqual([
    "Other is fined",
  ]);
  expect((await feedEntries(t.db, { kind: "version" })).map((e) => e.type)).toEqual(["version"]);
  expect((await feedEntries(t.db, { kind: "regulatory_action" })).length).toBe(1);
  expect((await feedEntries(t.db, { from: "2024-01-01", to: "2024-03-01" })).length).toBe(1);
  expect((await feedEntries(t.db, { state: "confirmed" })).every((e) => e.type === "event")).toBe(
    true,
  );
});

it("serves well-formed Atom with escaped text", async () => {
  const { GET } = await import("@/app/feed.xml/route");
  const response = await GET(new Request("http://localhost/feed.xml?platform=acme"));
  expect(response.headers.get("content-type")).toContain("application/atom+xml");
  const xml = await response.text();
  expect(xml).toContain('<feed xmlns="http://www.w3.org/2005/Atom">');
  expect(xml).toContain("Acme &amp; Co &lt;Ltd&gt;: new version 1 of the Privacy Policy");
  expect(xml).not.toContain("Other is fined");
  expect(xml.match(/<entry>/g)?.length).toBe(2);
});
