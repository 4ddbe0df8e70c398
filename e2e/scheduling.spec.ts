import { expect, type Locator, type Page, test } from "@playwright/test";
import { confirmEmail } from "./stubs/mailbox-client";

// Every test signs up its own owner and clinic (unique names), sets up scheduling through the
// settings pages, and books on its own calendar, so tests run in parallel without cleaning up.
const timezoneId = "Europe/London";
test.use({ timezoneId });

const password = "scheduling-e2e-password";
const unique = (label: string) => `${label} ${Date.now()}-${Math.random().toString(36).slice(2, 6)}`;
const emailFor = (label: string) => `${unique(label).replace(" ", "-")}@e2e.test`;

const DAY_MS = 86_400_000;
const WORKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"];

/** The first Monday–Friday at least `days` ahead in the clinic's zone, as YYYY-MM-DD. */
function weekdayAhead(days: number) {
  const today = new Intl.DateTimeFormat("en-CA", { timeZone: timezoneId }).format(new Date());
  let t = Date.parse(`${today}T00:00:00Z`) + days * DAY_MS;
  while ([0, 6].includes(new Date(t).getUTCDay())) t += DAY_MS;
  return new Date(t).toISOString().slice(0, 10);
}

const nav = (page: Page) => page.getByRole("navigation", { name: "Main" });
const section = (page: Page, heading: string | RegExp) =>
  page.locator("section", { has: page.getByRole("heading", { name: heading }) });
const status = (page: Page) => page.getByRole("status").filter({ hasText: /\S/ });

async function signUpOwner(page: Page) {
  const clinicName = unique("Elm Street Clinic");
  const email = emailFor("scheduler");
  await page.goto("/sign-up");
  await page.getByLabel("Your name").fill("Olivia Owner");
  await page.getByLabel("Work email").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByLabel("Clinic name").fill(clinicName);
  await expect(page.getByLabel("Timezone")).toHaveValue(timezoneId);
  await page.getByRole("button", { name: "Create account" }).click();
  await confirmEmail(page, email);
  await expect(page.getByRole("heading", { level: 1, name: clinicName })).toBeVisible();
}

/** An appointment type and a provider who offers it, Monday to Friday 9 to 5. */
async function setUpScheduling(page: Page, names: { type: string; provider: string }) {
  await nav(page).getByRole("link", { name: "Appointment types" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Appointment types" })).toBeVisible();
  await expect(page.getByText("No appointment types yet.")).toBeVisible();
  await page.getByLabel("Name").fill(names.type);
  await page.getByLabel("Length (minutes)").fill("30");
  await page.getByRole("button", { name: "Add appointment type" }).click();
  await expect(status(page)).toContainText(`Added ${names.type}`);
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
  await expect(hours.getByRole("status")).toContainText("Saved.");
  const row = section(page, /^Providers$/)
    .getByRole("row")
    .filter({ hasText: names.provider });
  await expect(row).toContainText(/Mon–Fri 9:00\sAM – 5:00\sPM/);
  await expect(row).toContainText(names.type);
}

/** Picks type, provider and day in the booking form; returns the form. */
async function openBooking(page: Page, names: { type: string; provider: string }, day: string) {
  const booking = section(page, "Book an appointment");
  await booking.getByLabel("Appointment type").selectOption({ label: `${names.type} (30 min)` });
  await booking.getByLabel("Provider").selectOption({ label: names.provider });
  await booking.getByLabel("Day").fill(day);
  return booking;
}

const firstOpenTime = (panel: Locator) =>
  panel
    .getByRole("list", { name: /^Open times with/ })
    .getByRole("button")
    .first();

async function fillNewPatient(booking: Locator, patient: { first: string; last: string; phone: string }) {
  await booking.getByLabel("First name").fill(patient.first);
  await booking.getByLabel("Last name").fill(patient.last);
  await booking.getByLabel("Phone").fill(patient.phone);
}

test("staff set up a provider, then book, move and cancel an appointment on the schedule", async ({ page }) => {
  const names = { type: unique("Check-up"), provider: unique("Dr. Ada Lane") };
  const patient = { first: "Priya", last: unique("Shah"), phone: "(415) 555-0134" };
  const patientName = `${patient.first} ${patient.last}`;
  const day = weekdayAhead(3);

  await signUpOwner(page);
  await setUpScheduling(page, names);

  await nav(page).getByRole("link", { name: "Schedule" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Schedule" })).toBeVisible();
  const booking = await openBooking(page, names, day);
  const first = firstOpenTime(booking);
  await expect(first).toHaveText(/^9:00\sAM$/);
  await first.click();
  await expect(first).toHaveAttribute("aria-pressed", "true");
  await fillNewPatient(booking, patient);
  await booking.getByRole("button", { name: "Book appointment" }).click();

  await expect(status(page)).toContainText(`Booked ${patientName} for ${names.type} with ${names.provider}`);
  await expect(page).toHaveURL(new RegExp(`date=${day}`));
  const calendar = page.getByRole("region", { name: "Calendar" });
  const appointment = calendar.getByRole("button", { name: new RegExp(patientName) });
  await expect(appointment).toBeVisible();
  await expect(appointment).toContainText(/9:00\sAM – 9:30\sAM/);
  await expect(appointment).toContainText(names.type);

  // Move it by less than its own length: its current time counts as free when moving.
  await appointment.click();
  const details = section(page, patientName);
  await expect(details.getByText(names.provider)).toBeVisible();
  await details.getByRole("button", { name: "Choose a new time" }).click();
  await expect(firstOpenTime(details)).toHaveText(/^9:00\sAM$/);
  await details.getByRole("button", { name: /^9:15\sAM$/ }).click();
  await details.getByRole("button", { name: /^Move to/ }).click();
  await expect(status(page)).toContainText(`Moved ${patientName} to`);
  await expect(appointment).toContainText(/9:15\sAM – 9:45\sAM/);
  await expect(calendar.getByRole("button", { name: new RegExp(patientName) })).toHaveCount(1);

  // Cancel it.
  await appointment.click();
  await details.getByLabel("Reason (optional)").fill("Patient is travelling");
  await details.getByRole("button", { name: "Cancel appointment" }).click();
  await details.getByRole("button", { name: "Yes, cancel it" }).click();
  await expect(status(page)).toContainText(`Cancelled ${patientName}'s ${names.type}`);
  await expect(calendar.getByRole("button", { name: new RegExp(patientName) })).toHaveCount(0);
  await expect(calendar).toBeVisible();

  // The patient stays on file.
  await nav(page).getByRole("link", { name: "Patients" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Patients" })).toBeVisible();
  const row = page.getByRole("row").filter({ hasText: patientName });
  await expect(row).toContainText("+1 (415) 555-0134");
  await row.getByRole("link", { name: patientName }).click();
  await expect(page.getByRole("heading", { level: 1, name: patientName })).toBeVisible();
  await expect(page.getByText("Nothing booked.")).toBeVisible();
});

test("a booking that loses the race offers the nearest open times instead", async ({ page, context }) => {
  const names = { type: unique("Cleaning"), provider: unique("Sam Rivera") };
  const day = weekdayAhead(4);
  await signUpOwner(page);
  await setUpScheduling(page, names);

  // Two receptionists (two tabs) pick the same 9:00 slot.
  await page.goto("/schedule");
  const other = await context.newPage();
  await other.goto("/schedule");
  const mine = await openBooking(page, names, day);
  const theirs = await openBooking(other, names, day);
  await firstOpenTime(mine).click();
  await firstOpenTime(theirs).click();
  await fillNewPatient(mine, { first: "Ana", last: "First", phone: "(415) 555-0150" });
  await fillNewPatient(theirs, { first: "Ben", last: "Second", phone: "(415) 555-0151" });

  await theirs.getByRole("button", { name: "Book appointment" }).click();
  await expect(status(other)).toContainText("Booked Ben Second");

  await mine.getByRole("button", { name: "Book appointment" }).click();
  const taken = mine.getByRole("alert").filter({ hasText: "Someone else just took that time" });
  await expect(taken).toBeVisible();
  const alternative = taken.getByRole("button").first();
  await expect(alternative).toContainText(names.provider);
  await alternative.click();
  await expect(status(page)).toContainText("Booked Ana First");
  const calendar = page.getByRole("region", { name: "Calendar" });
  await expect(calendar.getByRole("button", { name: /Ana First/ })).toBeVisible();
  await expect(calendar.getByRole("button", { name: /Ben Second/ })).toBeVisible();
});
