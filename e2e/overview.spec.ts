import { expect, test } from "@playwright/test";

test("the overview shows the archive's real figures and latest changes", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("terms");
  const totals = page.getByRole("region", { name: "Archive totals" });
  const versions = totals.locator(".figure", { hasText: "versions" }).locator("strong");
  expect(Number((await versions.textContent())?.replace(/\D/g, ""))).toBeGreaterThan(500);
  await expect(page.getByRole("cell", { name: "WhatsApp" }).first()).toBeVisible();
  await expect(page.getByRole("cell", { name: "Spotify" }).first()).toBeVisible();
  // The latest changes, with their dates, each linking to its diff.
  await expect(page.getByRole("heading", { name: "Latest changes" })).toBeVisible();
  const latest = page.locator("h2:has-text('Latest changes') + .table-wrap tbody tr");
  await expect(latest).toHaveCount(10);
  await expect(latest.first().getByRole("link")).toHaveAttribute(
    "href",
    /^\/documents\/\d+\?v=\d+$/,
  );
});

test("the about page credits the archives", async ({ page }) => {
  await page.goto("/about");
  await expect(page.getByText("Open Terms Archive").first()).toBeVisible();
  await expect(page.getByText(/ODC-BY 1\.0/).first()).toBeVisible();
});
