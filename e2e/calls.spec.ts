// A phone call end to end: `npm run simulate:call` plays an inbound call against the built app
// (signed like Vapi), a real worker process turns the stored messages into the call, and the
// call with its booking shows up in the dashboard.
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { E2E_VAPI_WEBHOOK_SECRET } from "../playwright.config";
import { demo, expect, signIn, test } from "./fixtures";
import { useWorker } from "./worker";

const root = path.resolve(import.meta.dirname, "..");
const run = promisify(execFile);
useWorker();

test("a simulated call books a cleaning, and the call and its booking land in the dashboard", async ({
  page,
  baseURL,
}) => {
  test.slow();
  const caller = `+1415555${String(Date.now()).slice(-4)}`;
  const name = `Jordan Sim${String(Date.now()).slice(-5)}`;
  const { stdout } = await run(
    process.execPath,
    [
      "--import",
      "tsx",
      "scripts/simulate-call.ts",
      "--url",
      baseURL as string,
      "--secret",
      E2E_VAPI_WEBHOOK_SECRET,
      "--from",
      caller,
      "--name",
      name,
      "--scenario",
      "book",
    ],
    { cwd: root, timeout: 60_000 },
  );
  expect(stdout).toContain("bookAppointment");
  expect(stdout).toMatch(/Call [0-9a-f-]{36} ended \(customer-ended-call\)/);

  await signIn(page, demo);
  await expect(page).toHaveURL(/\/dashboard$/, { timeout: 15_000 });
  await page.goto("/calls?outcome=booked");
  const row = page.getByRole("row", { name: new RegExp(name) });
  // The worker processes the messages moments after they are stored.
  await expect(async () => {
    await page.reload();
    await expect(row).toBeVisible({ timeout: 5000 });
  }).toPass({ timeout: 90_000 });
  await expect(row).toContainText("Booked");
  await expect(row).toContainText("Main line");

  await page.screenshot({ path: test.info().outputPath("calls.png"), fullPage: true });

  await row.getByRole("link").first().click();
  await expect(page.getByRole("heading", { level: 1, name: `Call from ${name}` })).toBeVisible();
  await expect(page.getByRole("list", { name: "Transcript" })).toContainText("I'd like to book a cleaning");
  await expect(page.getByText(`${name} called to book a cleaning next week`)).toBeVisible();
  const booked = page.locator("section", { has: page.getByRole("heading", { name: "Booked on this call" }) });
  await expect(booked.getByRole("row")).toHaveCount(2); // header + the booking
  await expect(booked).toContainText("Cleaning");
  await expect(page.locator("audio")).toHaveAttribute("src", /storage\.vapi\.ai/);
  await page.screenshot({ path: test.info().outputPath("call.png"), fullPage: true });
  await page.getByRole("link", { name }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
});
