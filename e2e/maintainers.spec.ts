/**
 * The maintainer's round trip, in order: sign in; add a source pointing at a local fixture
 * page; run it now; see the new version and its change; change its schedule; confirm a finding
 * into an event and see it on the timeline; sign out; and, anonymous, be refused every action.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import postgres from "postgres";
import { type FixtureServer, startFixtureServer } from "../scrapers/testing/fixture-server";

const EMAIL = process.env.E2E_MAINTAINER_EMAIL ?? "maintainer@e2e.test";
const PASSWORD = process.env.E2E_MAINTAINER_PASSWORD ?? "e2e-maintainer-password";

const page1 = `<html><body><nav>Menu</nav><main><h1>Fixture Co privacy policy</h1>
<p>We collect your email address to run your account.</p>
<p>We share usage statistics with our group companies.</p></main></body></html>`;
const page2 = `<html><body><nav>Menu</nav><main><h1>Fixture Co privacy policy</h1>
<p>We collect your email address to run your account.</p>
<p>We now also collect your precise location from your phone to personalise offers.</p>
<p>We share usage statistics with our group companies.</p></main></body></html>`;

let fixture: FixtureServer;
test.beforeAll(async () => {
  fixture = await startFixtureServer();
  fixture.setPage("/robots.txt", "User-agent: *\nAllow: /\n", { "content-type": "text/plain" });
  fixture.setPage("/privacy", page1);
});
test.afterAll(async () => fixture?.close());

test.describe.configure({ mode: "serial" });

test("a maintainer archives a new source, reviews its change, and anonymous users can't", async ({
  page,
  request,
}) => {
  test.setTimeout(120_000);

  // 1. Sign in.
  await page.goto("/login");
  await page.getByLabel("Email").fill(EMAIL);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/sources$/);
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();

  // 2. Add a source pointing at the fixture page.
  await page.getByRole("link", { name: "Add a source" }).click();
  await page.getByLabel("Platform", { exact: false }).first().fill("fixture-co");
  await page.getByLabel(/Platform name/).fill("Fixture Co");
  await page.getByLabel("URL").fill(`${fixture.url}/privacy`);
  await page.getByLabel(/^Select/).fill("main");
  await page.getByRole("button", { name: "Add source" }).click();
  await expect(page).toHaveURL(/\/sources\/\d+/);
  const sourceUrl = new URL(page.url()).pathname;
  const sourceId = Number(sourceUrl.split("/").pop());
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Fixture Co");

  // 3. Run it now: the worker archives version 1.
  const runNow = async () => {
    await page.getByRole("button", { name: "Run now" }).click();
    await expect(page.getByRole("status")).toContainText(/Run queued|already waiting/);
  };
  await runNow();
  await expect(async () => {
    await page.reload();
    await expect(page.getByTestId("latest-version")).toContainText("Version 1", { timeout: 1000 });
  }).toPass({ timeout: 30_000 });

  // 4. The page changes; run again: version 2 with its change.
  fixture.setPage("/privacy", page2);
  await runNow();
  await expect(async () => {
    await page.reload();
    await expect(page.getByTestId("latest-version")).toContainText("Version 2", { timeout: 1000 });
  }).toPass({ timeout: 30_000 });
  const latest = page.getByTestId("latest-version");
  await expect(latest.locator(".passage.added")).toContainText("precise location");
  await expect(page.getByRole("cell", { name: "new version" }).first()).toBeVisible();

  // 5. Change the schedule.
  await page.getByRole("link", { name: "Edit", exact: true }).click();
  await page.getByLabel(/Schedule/).fill("30 6 * * 1");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page).toHaveURL(new RegExp(`${sourceUrl}\\?ok=`));
  await expect(page.getByText("weekly on Monday at 06:30 UTC")).toBeVisible();

  // 6. The detectors found something in the change; confirm it into an event, which then shows
  // on the timeline. (Should they find nothing in this small text, the finding is written as a
  // detector would, so the review path is still exercised.)
  const sql = postgres(
    readFileSync(path.join(process.cwd(), ".test-data", "e2e-database-url"), "utf8"),
    { max: 1, onnotice: () => {} },
  );
  try {
    const [change] = await sql<{ id: number; version_id: number }[]>`
      select id, version_id from changes where document_id = ${sourceId} order by id desc limit 1`;
    expect(change).toBeTruthy();
    const detected = await sql`select id from findings where document_id = ${sourceId}`;
    if (detected.length === 0) {
      await sql`insert into findings (change_id, document_id, version_id, kind, subject, excerpt)
        values (${change?.id ?? 0}, ${sourceId}, ${change?.version_id ?? 0}, 'data_category_added',
          'precise location',
          'We now also collect your precise location from your phone to personalise offers.')`;
    }
  } finally {
    await sql.end();
  }
  await page.goto("/review");
  const card = page.getByRole("article").filter({ hasText: "Fixture Co · Privacy Policy" }).first();
  await expect(card.locator(".passage").first()).toContainText("precise location");
  await card.getByText("Confirm…").click();
  await card.getByLabel(/^Title/).fill("Fixture Co starts collecting precise location");
  await card.getByRole("button", { name: "Confirm", exact: true }).click();
  await expect(page).toHaveURL(/\/review\/events\/\d+/);
  await expect(page.getByRole("status")).toContainText("Finding confirmed");
  const eventId = Number(new URL(page.url()).pathname.split("/").pop());
  await page.goto("/timeline?platform=fixture-co");
  await expect(page.getByText("Fixture Co starts collecting precise location")).toBeVisible();

  // 7. Sign out; anonymous from now on.
  await page.goto("/sources");
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();
  await page.goto(sourceUrl);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Fixture Co");
  await expect(page.getByRole("button", { name: "Run now" })).toHaveCount(0);
  await page.goto("/sources/new");
  await expect(page).toHaveURL(/\/login/);

  // 8. Every action, attempted anonymously, is refused with 401 and changes nothing.
  const form = {
    platformSlug: "fixture-co",
    type: "Privacy Policy",
    url: `${fixture.url}/privacy`,
    fetcher: "http",
    schedule: "* * * * *",
    reason: "anonymous attempt",
    title: "Anonymous title",
    summary: "Anonymous summary",
    kind: "policy_update",
    occurredOn: "2020-01-01",
  };
  const actions = [
    "/api/sources",
    `/api/sources/${sourceId}`,
    `/api/sources/${sourceId}/run`,
    `/api/sources/${sourceId}/pause`,
    `/api/sources/${sourceId}/resume`,
    "/api/review/1/confirm",
    "/api/review/1/dismiss",
    `/api/events/${eventId}`,
  ];
  for (const action of actions) {
    const response = await request.post(action, { form, maxRedirects: 0 });
    expect(response.status(), action).toBe(401);
  }
  await page.goto(sourceUrl);
  await expect(page.getByText("weekly on Monday at 06:30 UTC")).toBeVisible();
  await expect(page.getByText("enabled", { exact: true })).toBeVisible();
});
