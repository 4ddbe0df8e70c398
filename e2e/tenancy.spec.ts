import type { Page } from "@playwright/test";
import { expect, section, test, unique } from "./fixtures";
import { emailedLink } from "./stubs/mailbox-client";

const timezoneId = "Europe/London";
test.use({ timezoneId });

const clinicHeading = (page: Page, name: string) => page.getByRole("heading", { level: 1, name, exact: true });

test("an owner signs up, adds a second clinic and switches between them", async ({ page, clinic }) => {
  const first = clinic.name;
  const second = unique("Hillside Physio");
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
  clinic,
  account,
}) => {
  await page.getByRole("link", { name: "Team", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Team" })).toBeVisible();
  const teammateEmail = `${unique("teammate").replace(" ", "-")}@e2e.test`;
  await page.getByLabel("Email", { exact: true }).fill(teammateEmail);
  await page.getByLabel("Role", { exact: true }).selectOption("admin");
  await page.getByRole("button", { name: "Send invitation" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Invitation sent" })).toContainText(teammateEmail);
  // The link goes to the teammate's inbox only.
  await expect(page.getByText("/invite/")).toHaveCount(0);
  const link = await emailedLink(teammateEmail, "/invite/");
  await expect(
    section(page, "Pending invitations", true).getByRole("row").filter({ hasText: teammateEmail }),
  ).toBeVisible();

  // The teammate: another browser, signed out.
  const teammateContext = await browser.newContext({ timezoneId });
  try {
    const teammate = await teammateContext.newPage();
    await teammate.goto(link);
    await expect(teammate.getByRole("heading", { name: `Join ${clinic.name}` })).toBeVisible();
    await expect(teammate.getByText("as Admin")).toBeVisible();
    await expect(teammate.getByLabel("Email")).toHaveValue(teammateEmail);
    await expect(teammate.getByRole("link", { name: "Sign in" })).toHaveAttribute(
      "href",
      /\/sign-in\?callbackUrl=%2Finvite%2F/,
    );
    await teammate.getByLabel("Your name").fill("Tariq Teammate");
    await teammate.getByLabel("Password", { exact: true }).fill(account.password);
    await teammate.getByRole("button", { name: "Create account and join" }).click();
    await expect(clinicHeading(teammate, clinic.name)).toBeVisible();
    await expect(teammate).toHaveURL(/\/dashboard$/);
  } finally {
    await teammateContext.close();
  }

  await page.reload();
  const member = section(page, "Members", true).getByRole("row").filter({ hasText: teammateEmail });
  await expect(member).toContainText("Tariq Teammate");
  await expect(member.getByRole("combobox")).toHaveValue("admin");
  await expect(page.getByText("No pending invitations")).toBeVisible();
});
