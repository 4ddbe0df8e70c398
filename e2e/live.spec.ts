// The live dashboard: with the dashboard open (never reloaded), a simulated call plays against
// the built app, a real worker turns its messages into the call, and the page shows it as it
// happens over the repo's Pusher-protocol server: the call in progress with its transcript, the
// booking announced, the bookings chart updated, and the call moved to "Recent calls" with its
// outcome.
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { E2E_VAPI_WEBHOOK_SECRET } from "../playwright.config";
import { demo, expect, section, signIn, test } from "./fixtures";
import { useWorker } from "./worker";

const root = path.resolve(import.meta.dirname, "..");
const run = promisify(execFile);
useWorker();

const bookedInChart = async (page: import("@playwright/test").Page) => {
  const text = (await section(page, "Booked appointments, the next 14 days").textContent()) ?? "";
  return Number(/(\d+) booked in the next 14 days/.exec(text)?.[1] ?? 0);
};

test("a call shows up live on an open dashboard: transcript, booking toast, schedule, outcome", async ({
  page,
  baseURL,
}) => {
  test.slow();
  const caller = `+1415555${String(Date.now()).slice(-4)}`;
  const name = `Jordan Live${String(Date.now()).slice(-5)}`;

  await signIn(page, demo);
  // Signing in hashes a password (scrypt): slow on these shared machines.
  await expect(page).toHaveURL(/\/dashboard$/, { timeout: 45_000 });
  await expect(page.getByLabel("Live updates: Live")).toBeVisible({ timeout: 20_000 });
  const before = await bookedInChart(page);
  const callCount = page.getByRole("group", { name: "Calls", exact: true }).locator("strong");
  const callsBefore = Number(await callCount.textContent());
  // Anything that reloads the page loses this.
  await page.evaluate(() => {
    (window as unknown as { stillHere: boolean }).stillHere = true;
  });

  // Paced like a real conversation, so the call is on the dashboard while it goes on.
  const simulation = run(
    process.execPath,
    [
      "--import",
      "tsx",
      "scripts/simulate-call.ts",
      ...["--url", baseURL as string, "--secret", E2E_VAPI_WEBHOOK_SECRET],
      ...["--from", caller, "--name", name, "--scenario", "book", "--pace", "700"],
    ],
    { cwd: root, timeout: 90_000 },
  );

  const inProgress = section(page, "Calls in progress");
  const transcript = inProgress.getByRole("list", { name: "Live transcript" });
  await expect(transcript).toContainText("I'd like to book a cleaning", { timeout: 30_000 });
  await expect(inProgress.getByRole("timer", { name: "Duration" })).toHaveText(/^\d+:\d\d$/);
  await expect(inProgress.getByText("On the call")).toBeVisible();
  await expect(transcript).toContainText(`My name is ${name}`, { timeout: 30_000 });
  await page.screenshot({ path: test.info().outputPath("live-call.png"), fullPage: true });

  // The booking made on the call, announced with a link to the call.
  const toast = page
    .getByRole("region", { name: /^Notifications/ })
    .getByRole("listitem")
    .filter({
      hasText: `${name} booked on a call`,
    });
  await expect(toast).toBeVisible({ timeout: 30_000 });
  await expect(toast.getByRole("link", { name: "View the call" })).toHaveAttribute("href", /^\/calls\/[0-9a-f-]{36}$/);
  // At least this booking (other specs may be booking in the demo clinic at the same time).
  await expect.poll(() => bookedInChart(page), { timeout: 15_000 }).toBeGreaterThan(before);
  await page.screenshot({ path: test.info().outputPath("live-booked.png"), fullPage: true });

  const { stdout } = await simulation;
  expect(stdout).toMatch(/Call [0-9a-f-]{36} ended \(customer-ended-call\)/);
  const recent = section(page, "Recent calls").getByRole("listitem").filter({ hasText: name });
  await expect(recent).toBeVisible({ timeout: 30_000 });
  await expect(recent).toContainText("Booked");
  // The end-of-call report's duration, and the clinic's call count, without a reload either.
  await expect(recent).toContainText(/\d+ (min|s)/);
  await expect.poll(async () => Number(await callCount.textContent())).toBeGreaterThan(callsBefore);
  await expect(inProgress.getByRole("listitem", { name: `Call from ${name}` })).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { stillHere?: boolean }).stillHere)).toBe(true);

  // The indicator tells staff when the page stops being live, and when it is back.
  await page.context().setOffline(true);
  await expect(page.getByLabel("Live updates: Offline")).toBeVisible();
  await page.context().setOffline(false);
  await expect(page.getByLabel("Live updates: Live")).toBeVisible({ timeout: 30_000 });
  await page.screenshot({ path: test.info().outputPath("live-ended.png"), fullPage: true });
});
