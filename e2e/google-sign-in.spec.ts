// Google sign-in through next-auth's real Google provider, against a local OpenID provider
// (e2e/stubs/google-oidc.ts) that signs in a fixed person with a verified email.
import { expect, signOut, test } from "./fixtures";
import { GOOGLE_TEST_PERSON } from "./stubs/google-oidc-client";

// The account exists first (password sign-up), so Google sign-in lands in its clinic.
test.use({
  account: { name: GOOGLE_TEST_PERSON.name, email: GOOGLE_TEST_PERSON.email, password: "correct horse battery staple" },
});

test("Continue with Google signs in the account with that verified email", async ({ page, clinic }) => {
  await signOut(page);
  await expect(page).toHaveURL(/\/sign-in/);

  await page.getByRole("button", { name: "Continue with Google" }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByRole("heading", { level: 1, name: clinic.name, exact: true })).toBeVisible();
  await expect(page.getByText(GOOGLE_TEST_PERSON.email)).toBeVisible();
});
