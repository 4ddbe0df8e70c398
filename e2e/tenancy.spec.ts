import { expect, type Page, test } from "@playwright/test";
import { confirmEmail, emailedLink } from "./stubs/mailbox-client";

// Every test signs up its own owner and clinics (unique names), so tests run in parallel
// against one database without cleaning up.
const timezoneId = "Europe/London";
test.use({ timezoneId });

const password = "tenancy-e2e-password";
const unique = (label: string) => `${label} ${Date.now()}-${Math.random().toString(36).slice(2, 6)}`;
const emailFor = (label: string) => `${unique(label).replace(" ", "-")}@e2e.test`;

const panel = (page: Page, heading: string) =>
  page.locator("section", { has: page.getByRole("heading", { name: heading, exact: true }) });
const clinicHeading = (page: Page, name: string) => page.getByRole("heading", { level: 1, name, exact: true });

async function signUpOwner(page: Page, clinicName: string) {
  const email = emailFor("owner");
  await page.goto("/sign-up");
  await page.getByLabel("Your name").fill("Olivia Owner");
  await page.getByLabel("Work email").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByLabel("Clinic name").fill(clinicName);
  // Preselected from the browser's timezone.
  await expect(page.getByLabel("Timezone")).toHaveValue(timezoneId);
  await page.getByRole("button", { name: "Create account" }).click();
  // The clinic comes once the emailed link confirms the address.
  await confirmEmail(page, email);
  await expect(clinicHeading(page, clinicName)).toBeVisible();
  await expect(page).toHaveURL(/\/dashboard$/);
  return email;
}

test("an owner signs up, adds a second clinic and switches between them", async ({ page }) => {
  const first = unique("Harbour Dental");
  const second = unique("Hillside Physio");

  await signUpOwner(page, first);
  await expect(page.getByText(`Times shown in ${timezoneId}`)).toBeVisible();
  await expect(page.getByRole("heading", { name: "No calls yet" })).toBeVisible();

  await page.getByRole("link", { name: "New clinic" }).click();
  await expect(page.getByRole("heading", { name: "Create a clinic" })).toBeVisible();
  await page.getByLabel("Clinic name").fill(second);
  await page.getByLabel("Timezone").selectOption("America/Chicago");
  await page.getByRole("button", { name: "Create clinic" }).click();
  await expect(clinicHeading(page, second)).toBeVisible();
  await expect(page.getByText("Times shown in America/Chicago")).toBeVisible();

  const switcher = page.getByRole("combobox", { name: "Clinic", exact: true });
  await switcher.selectOption({ label: first });
  await expect(clinicHeading(page, first)).toBeVisible();
  await expect(page.getByText(`Times shown in ${timezoneId}`)).toBeVisible();

  await switcher.selectOption({ label: second });
  await expect(clinicHeading(page, second)).toBeVisible();

  // The choice is remembered across page loads.
  await page.reload();
  await expect(clinicHeading(page, second)).toBeVisible();
});

test("an invited teammate creates an account from the link and joins the inviting clinic", async ({
  page,
  browser,
}) => {
  const clinic = unique("Riverside Family Practice");
  await signUpOwner(page, clinic);

  await page.getByRole("link", { name: "Team", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Team" })).toBeVisible();
  const teammateEmail = emailFor("teammate");
  await page.getByLabel("Email", { exact: true }).fill(teammateEmail);
  await page.getByLabel("Role", { exact: true }).selectOption("admin");
  await page.getByRole("button", { name: "Send invitation" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Invitation sent" })).toContainText(teammateEmail);
  // The link goes to the teammate's inbox only.
  await expect(page.getByText("/invite/")).toHaveCount(0);
  const link = await emailedLink(teammateEmail, "/invite/");
  await expect(panel(page, "Pending invitations").getByRole("row").filter({ hasText: teammateEmail })).toBeVisible();

  // The teammate: another browser, signed out.
  const teammateContext = await browser.newContext({ timezoneId });
  try {
    const teammate = await teammateContext.newPage();
    await teammate.goto(link);
    await expect(teammate.getByRole("heading", { name: `Join ${clinic}` })).toBeVisible();
    await expect(teammate.getByText("as Admin")).toBeVisible();
    await expect(teammate.getByLabel("Email")).toHaveValue(teammateEmail);
    await expect(teammate.getByRole("link", { name: "Sign in" })).toHaveAttribute(
      "href",
      /\/sign-in\?callbackUrl=%2Finvite%2F/,
    );
    await teammate.getByLabel("Your name").fill("Tariq Teammate");
    await teammate.getByLabel("Password", { exact: true }).fill(password);
    await teammate.getByRole("button", { name: "Create account and join" }).click();
    await expect(clinicHeading(teammate, clinic)).toBeVisible();
    await expect(teammate).toHaveURL(/\/dashboard$/);
  } finally {
    await teammateContext.close();
  }

  await page.reload();
  const member = panel(page, "Members").getByRole("row").filter({ hasText: teammateEmail });
  await expect(member).toContainText("Tariq Teammate");
  await expect(member.getByRole("combobox")).toHaveValue("admin");
  await expect(page.getByText("No pending invitations")).toBeVisible();
});
