import {
  expect,
  fillNewPatient,
  firstOpenTime,
  nav,
  notice,
  openBooking,
  section,
  test,
  unique,
  weekdayAhead,
} from "./fixtures";

// Each test gets its own owner and clinic with a provider set up through the settings pages
// (the `provider` fixture asserts each step), and books on its own calendar.
const timezoneId = "Europe/London";
test.use({ timezoneId });

test("staff set up a provider, then book, move and cancel an appointment on the schedule", async ({
  page,
  provider,
}) => {
  const names = { type: provider.type, provider: provider.name };
  const patient = { first: "Priya", last: unique("Shah"), phone: "(415) 555-0134" };
  const patientName = `${patient.first} ${patient.last}`;
  const day = weekdayAhead(3, timezoneId);

  await nav(page).getByRole("link", { name: "Schedule" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Schedule" })).toBeVisible();
  const booking = await openBooking(page, names, day);
  const first = firstOpenTime(booking);
  await expect(first).toHaveText(/^9:00\sAM$/);
  await first.click();
  await expect(first).toHaveAttribute("aria-pressed", "true");
  await fillNewPatient(booking, patient);
  await booking.getByRole("button", { name: "Book appointment" }).click();

  await expect(notice(page, `Booked ${patientName} for ${names.type} with ${names.provider}`)).toBeVisible();
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
  await expect(notice(page, `Moved ${patientName} to`)).toBeVisible();
  await expect(appointment).toContainText(/9:15\sAM – 9:45\sAM/);

  await appointment.click();
  await details.getByRole("button", { name: "Cancel appointment" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Yes, cancel it" }).click();
  await expect(notice(page, `Cancelled ${patientName}'s ${names.type}`)).toBeVisible();
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

test("a booking that loses the race offers the nearest open times instead", async ({ page, context, provider }) => {
  const names = { type: provider.type, provider: provider.name };
  const day = weekdayAhead(4, timezoneId);

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
  await expect(notice(other, "Booked Ben Second")).toBeVisible();

  await mine.getByRole("button", { name: "Book appointment" }).click();
  const taken = mine.getByRole("alert").filter({ hasText: "Someone else just took that time" });
  await expect(taken).toBeVisible();
  const alternative = taken.getByRole("button").first();
  await expect(alternative).toContainText(names.provider);
  await alternative.click();
  await expect(notice(page, "Booked Ana First")).toBeVisible();
  const calendar = page.getByRole("region", { name: "Calendar" });
  await expect(calendar.getByRole("button", { name: /Ana First/ })).toBeVisible();
  await expect(calendar.getByRole("button", { name: /Ben Second/ })).toBeVisible();
});
