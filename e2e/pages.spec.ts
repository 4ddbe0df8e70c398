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
