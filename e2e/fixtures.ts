// The people and clinics the specs start from, as Playwright fixtures: a spec asks for what it
// needs (`async ({ page, clinic, provider }) => …`) and gets it set up through the app itself.
// Each test signs up its own owner and clinic (unique names), so tests run in parallel against
// one database without cleaning up.
import { createHash } from "node:crypto";
import { test as base, expect, type Locator, type Page } from "@playwright/test";
import { confirmEmail } from "./stubs/mailbox-client";

export { expect };

export type Account = { name: string; email: string; password: string };

/** A label nobody else's test uses, e.g. "Harbour Dental 1764331234567-k3f9". */
export const unique = (label: string) => `${label} ${Date.now()}-${Math.random().toString(36).slice(2, 6)}`;

/** The seeded demo clinic's owner (packages/core/src/seed/demo-clinic.ts). */
export const demo = { name: "Dana Demo", email: "demo@frontdesk.test", password: "frontdesk-demo" };

/** The region of the page with this heading (a card, a panel). */
export const section = (page: Page, heading: string | RegExp, exact = false) =>
  page.locator("section", { has: page.getByRole("heading", { name: heading, exact }) });

/** What the page just said: an inline status message or a toast. */
export const notice = (page: Page, text: string | RegExp) =>
  page
    .getByRole("status")
    .or(page.getByRole("region", { name: /^Notifications/ }).getByRole("listitem"))
    .filter({ hasText: text })
    .first();

/** The main navigation (the sidebar). */
export const nav = (page: Page) => page.getByRole("navigation", { name: "Main" });

export async function signIn(page: Page, account: { email: string; password: string }, path = "/sign-in") {
  await page.goto(path);
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/**
 * Fills in and sends the sign-up form; the address is still unconfirmed after it. With
 * `timezone`, checks the form preselected it from the browser's.
 */
export async function signUp(page: Page, account: Account, clinicName: string, timezone?: string) {
  await page.goto("/sign-up");
  await page.getByLabel("Your name").fill(account.name);
  await page.getByLabel("Work email").fill(account.email);
  await page.getByLabel("Password", { exact: true }).fill(account.password);
  await page.getByLabel("Clinic name").fill(clinicName);
  if (timezone) await expect(page.getByLabel("Timezone")).toHaveValue(timezone);
  await page.getByRole("button", { name: "Create account" }).click();
}

/** Signs out from the account menu: this browser, or `everywhere` (every browser and device). */
export async function signOut(page: Page, { everywhere = false } = {}) {
  await page.getByRole("button", { name: /Account menu/ }).click();
  await page.getByRole("menuitem", { name: everywhere ? "Sign out everywhere" : "Sign out", exact: true }).click();
}

/** Picks type, provider and day in the schedule's booking form; returns the form. */
export async function openBooking(page: Page, names: { type: string; provider: string }, day: string) {
  const booking = section(page, "Book an appointment");
  await booking.getByLabel("Appointment type").selectOption({ label: `${names.type} (30 min)` });
  await booking.getByLabel("Provider").selectOption({ label: names.provider });
  await booking.getByLabel("Day").fill(day);
  return booking;
}

/** The first open time offered in a booking or moving panel. */
export const firstOpenTime = (panel: Locator) =>
  panel
    .getByRole("list", { name: /^Open times with/ })
    .getByRole("button")
    .first();

export async function fillNewPatient(booking: Locator, patient: { first: string; last: string; phone: string }) {
  await booking.getByLabel("First name").fill(patient.first);
  await booking.getByLabel("Last name").fill(patient.last);
  await booking.getByLabel("Phone").fill(patient.phone);
}

/** The first Monday–Friday at least `days` ahead in `timeZone`, as YYYY-MM-DD. */
export function weekdayAhead(days: number, timeZone: string) {
  const today = new Intl.DateTimeFormat("en-CA", { timeZone }).format(new Date());
  let t = Date.parse(`${today}T00:00:00Z`) + days * 86_400_000;
  while ([0, 6].includes(new Date(t).getUTCDay())) t += 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

const WORKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"];

type Fixtures = {
  /** Who signs up for `clinic`; a new address per test unless a spec sets one with test.use. */
  account: Account;
  /**
   * A new clinic: `account` signs up for it through the sign-up page (its timezone preselected
   * from the browser's) and confirms the address with the emailed link; the page is signed in
   * on the clinic's dashboard.
   */
  clinic: { name: string; timezone: string; owner: Account };
  /**
   * In `clinic`: an appointment type (30 min) and a provider who offers it, Monday to Friday
   * 9 to 5, set up through the settings pages.
   */
  provider: { name: string; type: string };
  /** The page, signed in as the seeded demo clinic's owner. */
  demoOwner: typeof demo;
};

export const test = base.extend<Fixtures>({
  // Each test browses from an address of its own, as a clinic's staff would, reaching the app
  // through its one trusted proxy (X-Forwarded-For). Per-network limits (ten sign-ups an hour)
  // then count each test apart, instead of the whole suite as one network.
  // biome-ignore lint/correctness/noEmptyPattern: Playwright reads a fixture's dependencies from this pattern
  extraHTTPHeaders: async ({}, use, testInfo) => {
    const [a = 0, b = 0, c = 0] = createHash("sha256").update(`${testInfo.testId}:${testInfo.retry}`).digest();
    await use({ "x-forwarded-for": `10.${a}.${b}.${c}` });
  },
  // biome-ignore lint/correctness/noEmptyPattern: Playwright reads a fixture's dependencies from this pattern
  account: async ({}, use) => {
    const email = `${unique("owner").replace(" ", "-")}@e2e.test`;
    await use({ name: "Olivia Owner", email, password: "e2e-owner-password" });
  },

  clinic: async ({ page, account, timezoneId }, use) => {
    const name = unique("Elm Street Clinic");
    await signUp(page, account, name, timezoneId);
    // Signing up hashes the password twice (sign-up, then sign-in) before the next page renders.
    await expect(page.getByRole("heading", { name: "Confirm your email address" })).toBeVisible({ timeout: 30_000 });
    // The clinic comes once the emailed link confirms the address.
    await confirmEmail(page, account.email);
    await expect(page.getByRole("heading", { level: 1, name, exact: true })).toBeVisible();
    await expect(page).toHaveURL(/\/dashboard$/);
    await use({ name, timezone: timezoneId ?? "America/New_York", owner: account });
  },

  provider: async ({ page, clinic: _signedUp }, use, testInfo) => {
    // A dozen steps through the settings pages before the test's own.
    testInfo.slow();
    const names = { type: unique("Check-up"), provider: unique("Dr. Ada Lane") };
    await nav(page).getByRole("link", { name: "Appointment types" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Appointment types" })).toBeVisible();
    await expect(page.getByText("No appointment types yet.")).toBeVisible();
    await page.getByLabel("Name").fill(names.type);
    await page.getByLabel("Length (minutes)").fill("30");
    await page.getByRole("button", { name: "Add appointment type" }).click();
    await expect(notice(page, `Added ${names.type}`)).toBeVisible();
    await expect(section(page, "Types").getByRole("row").filter({ hasText: names.type })).toContainText("30 min");

    await nav(page).getByRole("link", { name: "Providers" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Providers" })).toBeVisible();
    const add = section(page, "Add a provider");
    await add.getByLabel("Name").fill(names.provider);
    await add.getByLabel("Title").fill("DDS");
    await add.getByRole("checkbox", { name: names.type }).check();
    await add.getByRole("button", { name: "Add provider" }).click();

    const hours = section(page, `Weekly hours for ${names.provider}`);
    await expect(hours.getByText("has no working hours yet")).toBeVisible();
    for (const day of WORKDAYS) await hours.getByRole("button", { name: `Add a shift on ${day}` }).click();
    await expect(hours.getByLabel("Monday shift 1 starts")).toHaveValue("09:00");
    await expect(hours.getByLabel("Friday shift 1 ends")).toHaveValue("17:00");
    await hours.getByRole("button", { name: "Save hours" }).click();
    await expect(notice(page, `Saved. Patients can book ${names.provider}`)).toBeVisible();
    const row = section(page, /^Providers$/)
      .getByRole("row")
      .filter({ hasText: names.provider });
    await expect(row).toContainText(/Mon–Fri 9:00\sAM – 5:00\sPM/);
    await expect(row).toContainText(names.type);
    await use({ name: names.provider, type: names.type });
  },

  demoOwner: async ({ page }, use) => {
    await signIn(page, demo);
    await expect(page).toHaveURL(/\/dashboard$/);
    await use(demo);
  },
});
