import { expect, test } from "@playwright/test";
import { parse } from "csv-parse/sync";

const shots = process.env.E2E_SCREENSHOTS;

test("the dictionary lists every dataset, its columns, the API and the credits", async ({
  page,
}) => {
  await page.goto("/data");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Data");
  for (const name of ["events", "cases", "documents", "versions", "changes", "findings", "runs"]) {
    await expect(page.getByRole("table", { name: `${name} columns` })).toBeVisible();
  }
  await expect(page.getByText("/api/export/<dataset>.csv").first()).toBeVisible();
  await expect(page.getByText(/ODC-BY 1\.0/).first()).toBeVisible();
  if (shots) {
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.screenshot({ path: `${shots}/data-1280.png` });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: `${shots}/data-390.png` });
  }
});

test("filter a table, sort it, then export exactly the filtered rows", async ({
  page,
  request,
}) => {
  await page.goto("/data/versions");
  const table = page.getByRole("table", { name: "versions table" });
  await expect(table.locator("tbody tr").first()).toBeVisible();
  const status = page.getByRole("status");
  const allText = (await status.textContent()) ?? "";
  const all = Number(/of ([\d,]+)/.exec(allText)?.[1]?.replace(/,/g, ""));
  expect(all).toBeGreaterThan(500);

  // Filter on a platform and a date range, through the form.
  const filters = page.getByRole("form", { name: "Filters" });
  await filters.getByLabel("platform").fill("whatsapp");
  await filters.getByLabel("from").fill("2018-01-01");
  await filters.getByLabel("to").fill("2021-12-31");
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/platform=whatsapp/);
  await expect(page).toHaveURL(/from=2018-01-01/);
  const filteredText = (await status.textContent()) ?? "";
  const filtered = Number(/of ([\d,]+)/.exec(filteredText)?.[1]?.replace(/,/g, ""));
  expect(filtered).toBeGreaterThan(0);
  expect(filtered).toBeLessThan(all);

  // Sort by capture date, oldest first: the state goes into the URL.
  await table.getByRole("button", { name: /captured_at/ }).click();
  await expect(page).toHaveURL(/sort=captured_at&order=asc/);
  const firstDate = await table.locator("tbody tr").first().locator("td").nth(4).textContent();
  expect(firstDate?.startsWith("2018")).toBe(true);

  // Rows link to their pages.
  const href = await table.locator("tbody tr").first().getByRole("link").getAttribute("href");
  expect(href).toMatch(/^\/documents\/\d+\?v=\d+$/);

  if (shots) {
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.screenshot({ path: `${shots}/versions-1280.png`, fullPage: false });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: `${shots}/versions-390.png`, fullPage: false });
  }

  // The export link carries the same filters; the CSV holds exactly the filtered rows.
  const link = page.getByRole("link", { name: "CSV", exact: true });
  const exportHref = (await link.getAttribute("href")) ?? "";
  expect(exportHref).toContain("platform=whatsapp");
  const download = page.waitForEvent("download");
  await link.click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^termtrail-versions-\d{4}-\d\d-\d\d\.csv$/);
  const response = await request.get(exportHref);
  expect(response.status()).toBe(200);
  const records = parse(await response.text(), { columns: true }) as Record<string, string>[];
  expect(records).toHaveLength(filtered);
  for (const r of records) {
    expect(r.platform).toBe("whatsapp");
    const at = r.captured_at ?? "";
    expect(at >= "2018-01-01" && at < "2022-01-01").toBe(true);
  }
  const dates = records.map((r) => r.captured_at);
  expect([...dates].sort()).toEqual(dates);

  // And the same set through the page's own rows: the first page matches the CSV's first rows.
  const ids = await table.locator("tbody tr td:first-child").allTextContents();
  expect(ids.map((s) => s.replace(/\D/g, ""))).toEqual(
    records.slice(0, ids.length).map((r) => r.id),
  );
});

test("choosing columns and paging are URL state", async ({ page }) => {
  await page.goto("/data/changes");
  const table = page.getByRole("table", { name: "changes table" });
  await expect(table.locator("tbody tr")).toHaveCount(50);
  await page.getByText(/^Columns \(/).click();
  await page.getByRole("checkbox", { name: "added_passages" }).click();
  await expect(page).toHaveURL(/columns=[^&]*added_passages/);
  await expect(table.getByRole("columnheader", { name: "added_passages" })).toBeVisible();
  await page.getByRole("button", { name: "Next →" }).click();
  await expect(page).toHaveURL(/page=2/);
  await expect(page.getByText(/^Page 2 of/)).toBeVisible();
  await page.reload();
  await expect(table.getByRole("columnheader", { name: "added_passages" })).toBeVisible();
});

test("a bad filter is explained, on the page and by the export", async ({ page, request }) => {
  await page.goto("/data/events?from=yesterday");
  await expect(page.getByRole("main").getByRole("alert")).toContainText(
    "from must be a date written YYYY-MM-DD",
  );
  const response = await request.get("/api/export/events.csv?from=yesterday");
  expect(response.status()).toBe(400);
  expect((await response.json()).error).toContain("from must be a date");
});

test("every dataset has a table and both exports", async ({ page, request }) => {
  for (const name of ["events", "cases", "documents", "findings", "runs"]) {
    await page.goto(`/data/${name}`);
    await expect(page.getByRole("table", { name: `${name} table` })).toBeVisible();
    const json = await request.get(`/api/export/${name}.json`);
    expect(json.status()).toBe(200);
    const body = await json.json();
    expect(body.row_count).toBe(body.rows.length);
    expect(JSON.stringify(body.credits)).toContain("ODC-BY 1.0");
  }
  if (shots) {
    await page.goto("/data/events");
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.screenshot({ path: `${shots}/events-1280.png` });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: `${shots}/events-390.png` });
  }
});
