// Analytics for a clinic manager: the demo clinic's seeded nine weeks of calls read as figures,
// charts and tables; the period changes; the calls export downloads with its progress; a new
// clinic sees what the page will show instead of zeros. Screenshots go to test-results/.
import { readFile } from "node:fs/promises";
import type { Page } from "@playwright/test";
import { expect, nav, section, test } from "./fixtures";

const figure = (page: Page, label: string) => page.getByRole("group", { name: label, exact: true }).locator("strong");
const asNumber = (text: string | null) => Number((text ?? "").replace(/[^\d.]/g, ""));

test("the demo owner reads the last 30 days, switches to the last 7, and exports the calls", async ({
  page,
  demoOwner: _,
}) => {
  test.slow();
  await nav(page).getByRole("link", { name: "Analytics" }).click();
  // The first render of a freshly started server on a loaded 2-core machine took over 10 s.
  await expect(page.getByRole("heading", { level: 1, name: "Analytics" })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole("link", { name: "Last 30 days" })).toHaveAttribute("aria-current", "page");

  // The headline figures, each with its comparison with the period before.
  await expect(figure(page, "Calls")).toHaveText(/^[1-9][\d,]*$/);
  const month = asNumber(await figure(page, "Calls").textContent());
  expect(month).toBeGreaterThan(150); // nine weeks of seeded calls, ~13 a day
  await expect(figure(page, "Booked by the receptionist")).toHaveText(/^[1-9]\d*$/);
  await expect(figure(page, "Booking conversion")).toHaveText(/^\d+%$/);
  await expect(figure(page, "Average talk time")).toHaveText(/^\d+ min \d+ s$/);
  await expect(figure(page, "Cost")).toHaveText(/^\$[\d,]+\.\d\d$/);
  await expect(figure(page, "Cost per booking")).toHaveText(/^\$\d+\.\d\d$/);
  await expect(page.getByRole("group", { name: "Calls", exact: true })).toContainText(
    /from the previous period|No change/,
  );

  // The charts (recharts draws once its bundle has loaded), the outcomes, the grid, the tables.
  const perDay = section(page, "Calls per day");
  await expect(perDay.locator(".recharts-bar-rectangle").first()).toBeVisible();
  await expect(perDay.locator(".recharts-legend-wrapper")).toContainText("Missed or abandoned");
  await expect(section(page, "Bookings per day").locator(".recharts-bar-rectangle").first()).toBeVisible();
  await expect(section(page, "How calls ended").getByRole("listitem").filter({ hasText: "Booked" })).toBeVisible();
  const grid = section(page, "Busiest hours").getByRole("table");
  await expect(grid.getByRole("rowheader", { name: "Monday" })).toBeVisible();
  await expect(grid.getByRole("columnheader", { name: "9 AM" })).toBeVisible();
  await expect(section(page, "By number").getByRole("row", { name: /Website line/ })).toBeVisible();
  await expect(section(page, "By assistant").getByRole("row", { name: /Bright Smile receptionist/ })).toBeVisible();
  await page.screenshot({ path: test.info().outputPath("analytics-30-days.png"), fullPage: true });

  await page.getByRole("link", { name: "Last 7 days" }).click();
  await expect(page).toHaveURL(/preset=7d/, { timeout: 30_000 });
  await expect(page.getByRole("link", { name: "Last 7 days" })).toHaveAttribute("aria-current", "page");
  await expect(figure(page, "Calls")).not.toHaveText(String(month));
  const week = asNumber(await figure(page, "Calls").textContent());
  expect(week).toBeGreaterThan(0);
  expect(week).toBeLessThan(month);

  // The export streams with the row count up front, and says what it downloaded.
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Export calls (CSV)" }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^bright-smile-dental-calls-\d{4}-\d\d-\d\d-to-\d{4}-\d\d-\d\d\.csv$/);
  const csv = await readFile((await download.path()) as string, "utf8");
  const rows = csv.trimEnd().split("\r\n");
  expect(rows[0]).toMatch(/^Call id,Started \(America\/New_York\),/);
  const status = page.getByRole("status").filter({ hasText: /^Downloaded / });
  await expect(status).toBeVisible();
  const exported = asNumber((await status.textContent())?.split(":")[1] ?? "");
  // Other specs may call the demo clinic meanwhile: at least the calls the page counted.
  expect(exported).toBeGreaterThanOrEqual(week);
  expect(csv.match(/^[0-9a-f]{8}-[0-9a-f]{4}-/gm)?.length).toBe(exported);
  await page.screenshot({ path: test.info().outputPath("analytics-7-days.png"), fullPage: true });

  // A refused export says what to do next.
  await page.route("**/api/export/appointments**", (route) =>
    route.fulfill({ status: 400, json: { error: "export at most 366 days at a time" } }),
  );
  await page.getByRole("button", { name: "Export appointments (CSV)" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "export at most 366 days" })).toContainText(
    "Check the dates and try again",
  );

  // A period of one's own, typed in.
  await page.getByLabel("From").fill("2026-01-01");
  await page.getByLabel("To (inclusive)").fill("2026-01-31");
  await page.getByRole("button", { name: "Show these dates" }).click();
  await expect(page).toHaveURL(/preset=custom&from=2026-01-01&to=2026-01-31/, { timeout: 30_000 });
  await expect(page.getByRole("link", { name: "Custom" })).toHaveAttribute("aria-current", "page");
});

test("the seeded history fills the dashboard and the calls pages", async ({ page, demoOwner: _ }) => {
  test.slow(); // full-page screenshots of long pages
  await expect(page.getByRole("group", { name: "Calls", exact: true }).locator("strong")).toHaveText(/^[1-9]\d{2,}$/);
  await page.screenshot({ path: test.info().outputPath("dashboard.png"), fullPage: true });

  await nav(page).getByRole("link", { name: "Calls" }).click();
  const booked = page.getByRole("row").filter({ hasText: "called to book a" }).first();
  await expect(booked).toContainText("Booked");
  await page.screenshot({ path: test.info().outputPath("calls.png"), fullPage: true });
  await booked.getByRole("link").first().click();
  await expect(page.getByRole("list", { name: "Transcript" })).toContainText("I'd like to book a");
  await expect(section(page, "Booked on this call").getByRole("row")).toHaveCount(2);
  await page.screenshot({ path: test.info().outputPath("call.png"), fullPage: true });
});

test("a new clinic's analytics say what will be there, not a page of zeros", async ({ page, clinic: _ }) => {
  test.slow(); // signing up hashes a password twice first
  await nav(page).getByRole("link", { name: "Analytics" }).click();
  await expect(page.getByRole("heading", { name: "Nothing to analyse yet" })).toBeVisible();
  await expect(page.getByRole("group", { name: "Calls", exact: true })).toHaveCount(0);
  await page.screenshot({ path: test.info().outputPath("analytics-empty.png"), fullPage: true });
});
