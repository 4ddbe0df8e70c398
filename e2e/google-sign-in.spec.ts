// Google sign-in through next-auth's real Google provider, against a local OpenID provider
// (e2e/stubs/google-oidc.ts) that signs in a fixed person with a verified email.
import { expect, test } from "@playwright/test";
import { GOOGLE_TEST_PERSON } from "./stubs/google-oidc-client";

test("Continue with Google signs in the account with that verified email", async ({ page }) => {
  // The account exists first (password sign-up), so Google sign-in lands in its clinic.
  const clinicName = `Google Clinic ${Date.now()}`;
  await page.goto("/sign-up");
  await page.getByLabel("Your name").fill(GOOGLE_TEST_PERSON.name);
  await page.getByLabel("Work email").fill(GOOGLE_TEST_PERSON.email);
  await page.getByLabel("Password", { exact: true }).fill("correct horse battery staple");
  await page.getByLabel("Clinic name").fill(clinicName);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("heading", { level: 1, name: clinicName, exact: true })).toBeVisible();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in/);

  await page.getByRole("button", { name: "Continue with Google" }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByRole("heading", { level: 1, name: clinicName, exact: true })).toBeVisible();
  await expect(page.getByText(GOOGLE_TEST_PERSON.email)).toBeVisible();
});
