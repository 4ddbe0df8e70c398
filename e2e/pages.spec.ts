// Every signed-in page renders for the demo clinic's owner: a cheap net under the pages the
// flow specs don't walk through (a server error would show the error page instead).
import { expect, test } from "@playwright/test";

const demo = { email: "demo@frontdesk.test", password: "frontdesk-demo" };
const pages: [path: string, heading: RegExp][] = [
  ["/dashboard", /^Bright Smile Dental$/],
  ["/schedule", /^Schedule$/],
  ["/patients", /^Patients$/],
  ["/sms", /^SMS log$/],
  ["/settings/team", /^Team$/],
  ["/settings/providers", /^Providers$/],
  ["/settings/appointment-types", /^Appointment types$/],
  ["/settings/api-keys", /^API keys$/],
  ["/settings/twilio", /^Twilio account$/],
  ["/settings/audit", /^Audit log$/],
  ["/settings/clinic", /^Clinic settings$/],
  ["/clinics/new", /^Create a clinic$/],
];

test("every signed-in page renders for the owner", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(demo.email);
  await page.getByLabel("Password").fill(demo.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
  for (const [path, heading] of pages) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(200);
    await expect(page.getByRole("heading", { level: 1, name: heading }), path).toBeVisible();
    await expect(page.getByRole("heading", { name: "Something went wrong" }), path).toHaveCount(0);
  }
});

test("an owner connects the clinic's own Twilio account; a wrong SID says what it should be", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(demo.email);
  await page.getByLabel("Password").fill(demo.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/dashboard$/);

  await page.goto("/settings/twilio");
  await page.getByLabel("Account SID").fill("SK123");
  await page.getByLabel("Auth Token").fill("0123456789abcdef0123456789abcdef");
  await page.getByRole("button", { name: "Save account" }).click();
  await expect(page.getByText("an Account SID is AC followed by 32 hex characters")).toBeVisible();

  const sid = `AC${"5d".repeat(16)}`;
  await page.getByLabel("Account SID").fill(sid);
  await page.getByLabel("Auth Token").fill("0123456789abcdef0123456789abcdef");
  await page.getByLabel("Label").fill("Front office");
  await page.getByRole("button", { name: "Save account" }).click();
  const row = page.getByRole("row", { name: /Front office/ });
  await expect(row).toContainText("AC5d5d…5d5d");
  await expect(page.getByText("0123456789abcdef0123456789abcdef")).toHaveCount(0);
});
