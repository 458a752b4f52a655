import { createHash } from "node:crypto";
import { expect, type Page, test } from "@playwright/test";
import { createDb } from "../db/client";
import { archiveFixturePage, e2eDatabaseUrl, FIXTURE_HTML } from "./dashboard-fixture";

test.beforeAll(async () => {
  const { db, sql } = createDb(e2eDatabaseUrl(), { max: 1 });
  try {
    await archiveFixturePage(db);
  } finally {
    await sql.end();
  }
});

/** Anonymous visitors get no control that changes anything. */
async function expectNoEditControl(page: Page) {
  await expect(
    page.getByRole("button", { name: /edit|delete|confirm|dismiss|save|remove/i }),
  ).toHaveCount(0);
  await expect(page.getByRole("link", { name: /^(edit|delete|confirm|dismiss)\b/i })).toHaveCount(
    0,
  );
}

test("overview charts render as many marks as their data holds, each with table, CSV and caption", async ({
  page,
}) => {
  await page.goto("/");
  const expected: Record<string, string> = {
    deadlines: "deadline",
    expansions: "expansion",
    pressure: "pressure",
    activity: "activity",
    words: "words",
  };
  for (const [chart, mark] of Object.entries(expected)) {
    const panel = page.locator(`[data-chart="${chart}"]`);
    const marks = Number(await panel.getAttribute("data-marks"));
    expect(marks, `${chart} has data`).toBeGreaterThan(0);
    await expect(panel.locator(`svg [data-mark="${mark}"]`)).toHaveCount(marks);
    await expect(panel.locator(".caption")).not.toBeEmpty();
    await expect(panel.getByRole("link", { name: "CSV" })).toHaveAttribute(
      "href",
      /^\/api\/export\/\w+\.csv/,
    );
    await panel.getByText("Table view").click();
    await expect(panel.locator("table tbody tr").first()).toBeVisible();
  }
  // WhatsApp's January 2021 deadline, moved once: a notice bar and one extension.
  await expect(page.locator('[data-chart="deadlines"] svg [data-mark="deadline"]')).toHaveCount(2);
  await expect(page.locator('[data-chart="deadlines"] table')).toContainText("2021-02-08");
  await expect(page.locator('[data-chart="deadlines"] table')).toContainText("2021-05-15");
  // Activity counts come from the archive: one row per platform and month with versions.
  const rows = await page.locator('[data-chart="activity"] table tbody tr').count();
  expect(rows).toBe(
    Number(await page.locator('[data-chart="activity"]').getAttribute("data-marks")),
  );
  await expectNoEditControl(page);
});

test("clicking a data-sharing step opens the event behind it", async ({ page }) => {
  await page.goto("/");
  const step = page.locator('[data-chart="expansions"] svg a').first();
  const href = await step.getAttribute("href");
  expect(href).toMatch(/^\/events\/\d+$/);
  await step.locator("circle").click();
  await expect(page).toHaveURL(new RegExp(`${href}$`));
  await expect(page.locator(".event-card")).toHaveCount(1);
  await expect(page.getByText("Data-sharing expansion")).toBeVisible();
});

test("overview filters live in the URL", async ({ page }) => {
  await page.goto("/?platform=spotify");
  await expect(page.locator('[data-chart="deadlines"]')).toHaveAttribute("data-marks", "0");
  await expect(page.locator('[data-chart="deadlines"] .empty')).toBeVisible();
  await expect(page.locator('[data-chart="activity"] a.csv')).toHaveAttribute(
    "href",
    /platform=spotify/,
  );
});

test("timeline filters change the URL and the results", async ({ page }) => {
  await page.goto("/timeline");
  const cards = page.locator(".event-card");
  // Counting waits for the results: the loading screen shows while the server renders.
  await expect(cards.first()).toBeVisible();
  const all = await cards.count();
  expect(all).toBeGreaterThan(5);
  // In time order.
  const dates = await cards
    .locator("time")
    .evaluateAll((els) => els.map((e) => e.getAttribute("datetime") ?? ""));
  expect([...dates].sort()).toEqual(dates);

  const form = page.getByRole("form", { name: "Filter the timeline" });
  await form.getByLabel("Kind").selectOption("forced_consent_deadline");
  await form.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/kind=forced_consent_deadline/);
  await expect(cards).toHaveCount(1);
  await expect(cards.first()).toHaveAttribute("data-kind", "forced_consent_deadline");
  await expect(cards.first()).toContainText("WhatsApp");

  await page.goto("/timeline");
  await form.getByLabel("Data category").selectOption("contacts");
  await form.getByLabel("Platform").selectOption("spotify");
  await form.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/category=contacts/);
  await expect(page).toHaveURL(/platform=spotify/);
  await expect(page.locator(".event-card").first()).toBeVisible();
  await expect(form.getByLabel("Platform")).toHaveValue("spotify");
  const filtered = await cards.count();
  expect(filtered).toBeGreaterThan(0);
  expect(filtered).toBeLessThan(all);
  for (const card of await cards.all()) await expect(card).toContainText("Contacts");

  await page.goto("/timeline?from=2021-01-01&to=2021-12-31");
  await expect(cards.first()).toBeVisible();
  for (const d of await cards
    .locator("time")
    .evaluateAll((els) => els.map((e) => e.getAttribute("datetime") ?? ""))) {
    expect(d >= "2021-01-01" && d <= "2021-12-31").toBe(true);
  }
  await page.goto("/timeline?status=detected&platform=whatsapp&kind=public_statement");
  await expect(page.getByText("No event matches these filters.")).toBeVisible();
  await expectNoEditControl(page);
});

test("an event permalink shows its evidence", async ({ page }) => {
  await page.goto("/timeline?kind=forced_consent_deadline");
  await page.locator(".event-card h3 a").first().click();
  await expect(page).toHaveURL(/\/events\/\d+$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("WhatsApp");
  await expect(page.locator(".evidence li").first()).toBeVisible();
  await expect(page.locator(".deadline")).toContainText("moved to");
  await expectNoEditControl(page);
});

test("the diff of Spotify's September 2015 version marks the passages on contacts, photos, location and sensors", async ({
  page,
}) => {
  await page.goto("/timeline?platform=spotify&kind=data_sharing_expansion");
  await page.locator(".evidence-archived a").first().click();
  await expect(page).toHaveURL(/\/documents\/\d+\?v=\d+/);
  await expect(page.locator("#diff-title")).toContainText("10 Sept 2015");
  const diff = page.locator(".diff");
  const added = diff.locator(".diff-add, .diff-edit");
  for (const word of [/contacts/i, /photo/i, /location/i, /sensor/i]) {
    await expect(added.filter({ hasText: word }).first()).toBeVisible();
  }
  const marks = diff.locator("mark.finding");
  await expect(marks.filter({ hasText: /contacts/i }).first()).toBeVisible();
  await expect(marks.filter({ hasText: /sensor/i }).first()).toBeVisible();
  await expect(marks.locator(".mark-label", { hasText: /contacts/i }).first()).toBeVisible();
  await expect(marks.locator(".mark-label", { hasText: /sensor/i }).first()).toBeVisible();
  // Word-level highlights on paragraphs edited in place.
  await expect(diff.locator("ins").first()).toBeVisible();

  await page.getByRole("link", { name: "Side by side" }).click();
  await expect(page).toHaveURL(/view=side/);
  await expect(page.locator('.diff[data-view="side"] mark.finding').first()).toBeVisible();

  // Imported: no raw capture, and the archive it came from is named.
  await expect(page.getByTestId("no-snapshot")).toContainText("tosdr/tosback-versions");
  await expect(page.getByTestId("capture-sha256")).toContainText("no raw capture");
  await expectNoEditControl(page);
});

test("the cite box shows the sha256 of the capture, and the raw capture is served sandboxed", async ({
  page,
  request,
}) => {
  const sha = createHash("sha256").update(FIXTURE_HTML).digest("hex");
  await page.goto("/platforms/ecobee");
  await page.getByRole("link", { name: "Privacy Policy (captured in tests)" }).click();
  await expect(page.getByTestId("capture-sha256")).toHaveText(sha);
  const cite = page.locator(".cite-box");
  await expect(cite).toContainText("Source URL");
  await expect(cite.locator("textarea")).toHaveValue(new RegExp(sha));
  await expect(cite.locator("textarea")).toHaveValue(/\/documents\/\d+\?v=\d+/);

  const frame = page.locator("iframe.raw-frame");
  await expect(frame).toHaveAttribute("sandbox", "");
  const src = (await frame.getAttribute("src")) as string;
  const raw = await request.get(src);
  expect(raw.status()).toBe(200);
  expect(raw.headers()["content-security-policy"]).toMatch(/^sandbox/);
  expect(raw.headers()["x-content-type-options"]).toBe("nosniff");
  expect(
    createHash("sha256")
      .update(await raw.body())
      .digest("hex"),
  ).toBe(sha);
  const download = await request.get(`${src}?download=1`);
  expect(download.headers()["content-disposition"]).toMatch(/^attachment/);

  // The capture's script never runs: it would post a message to this page.
  const messages = await page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        let n = 0;
        window.addEventListener("message", () => n++);
        const f = document.querySelector("iframe.raw-frame") as HTMLIFrameElement;
        f.src = `${f.src}#again`;
        setTimeout(() => resolve(n), 1500);
      }),
  );
  expect(messages).toBe(0);
  await expect(page.getByRole("heading", { level: 1 })).not.toContainText("script ran");
  await expectNoEditControl(page);
});

test("a platform page lists its documents, latest changes, events and cases", async ({ page }) => {
  await page.goto("/platforms/amazon");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Amazon");
  await expect(page.locator("table tbody tr").first()).toBeVisible();
  await expect(page.getByRole("link", { name: /words$/ }).first()).toBeVisible();
  await expect(page.locator(".case-list li", { hasText: "Ecobee" })).toBeVisible();
  await expect(page.locator(".event-card").first()).toBeVisible();
  await page.goto("/platforms/no-such-platform");
  await expect(page.getByRole("heading", { name: "Not in the archive" })).toBeVisible();
});

test("cases list and case page: parties, demand, leverage, timeline and citations", async ({
  page,
}) => {
  await page.goto("/cases");
  await page
    .getByRole("link", { name: /Ecobee/ })
    .first()
    .click();
  await expect(page).toHaveURL(/\/cases\/\d+$/);
  const facts = page.locator(".facts");
  await expect(facts).toContainText("Amazon");
  await expect(facts).toContainText("Ecobee");
  await expect(facts).toContainText("Alexa certification");
  await expect(facts).toContainText(/device state/i);
  await expect(page.getByRole("heading", { name: "Timeline of the case" })).toBeVisible();
  await expect(page.locator(".event-card").first()).toBeVisible();
  await expect(page.locator(".evidence").last()).toContainText("Ecobee");
  await expectNoEditControl(page);
});

test("search finds versions in their language, with highlighted passages", async ({ page }) => {
  await page.goto("/search");
  const form = page.getByRole("form", { name: "Search the archive" });
  await form.getByLabel("Words").fill("gyroscope");
  await form.getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(/q=gyroscope/);
  const hit = page.locator(".hit").first();
  await expect(hit.locator("mark").first()).toHaveText(/gyroscope/i);
  await hit.getByRole("link").first().click();
  await expect(page).toHaveURL(/\/documents\/\d+\?v=\d+/);
  await page.goto("/search?q=zzqxnotaword");
  await expect(page.getByText(/No archived version matches/)).toBeVisible();
});

test("unknown addresses get the not-found page", async ({ page }) => {
  const res = await page.goto("/events/99999999");
  expect(res?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Not in the archive" })).toBeVisible();
  const doc = await page.goto("/documents/abc");
  expect(doc?.status()).toBe(404);
});
