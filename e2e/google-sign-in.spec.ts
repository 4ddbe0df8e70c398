// Google sign-in through next-auth's real Google provider, against a local OpenID provider
// (e2e/stubs/google-oidc.ts) that signs in a fixed person with a verified email: here, the
// doctor whose address an attacker signed up with first.
import { expect, signIn, signUp, test } from "./fixtures";
import { GOOGLE_TEST_PERSON } from "./stubs/google-oidc-client";
import { emailedLink } from "./stubs/mailbox-client";

const doctor = GOOGLE_TEST_PERSON;
const attacker = { name: "Not the doctor", email: doctor.email, password: "the attacker chose this" };

test("an attacker who signs up first with a doctor's address owns nothing, and the doctor's Google sign-in takes the account back", async ({
  browser,
}) => {
  const attackerContext = await browser.newContext();
  const doctorContext = await browser.newContext();
  try {
    // The attacker signs up as the doctor, with a clinic of their own.
    const squatter = await attackerContext.newPage();
    await signUp(squatter, attacker, `Squatter Clinic ${Date.now()}`);
    await expect(squatter.getByRole("heading", { name: "Confirm your email address" })).toBeVisible();
    // Signed in, but nothing to own or open until the address is confirmed.
    for (const path of ["/dashboard", "/clinics/new", "/settings/team"]) {
      await squatter.goto(path);
      await expect(squatter, path).toHaveURL(/\/verify-email$/);
    }
    // The confirmation link went to the doctor's inbox; the attacker cannot get it.
    const confirmation = await emailedLink(doctor.email, "/verify-email?token=");

    // The doctor signs in with Google: the same address, now proven.
    const page = await doctorContext.newPage();
    await page.goto("/sign-in");
    await page.getByRole("button", { name: "Continue with Google" }).click();
    await expect(page).toHaveURL(/\/dashboard$/);
    await expect(page.getByText(doctor.email)).toBeVisible();
    // The attacker's sign-up never became a clinic.
    await expect(page.getByRole("heading", { name: "You're not part of a clinic yet" })).toBeVisible();
    await expect(page.getByRole("combobox", { name: "Clinic", exact: true })).toHaveCount(0);

    // The attacker's session is over, and the password they chose no longer works.
    await squatter.goto("/verify-email");
    await expect(squatter).toHaveURL(/\/sign-in/);
    await signIn(squatter, attacker);
    await expect(squatter.getByRole("alert").filter({ hasText: /\S/ })).toHaveText(
      "That email and password don't match an account. Check both and try again.",
    );

    // The attacker's confirmation link is dead, even for the doctor.
    await page.goto(confirmation);
    await page.getByRole("button", { name: "Confirm email address" }).click();
    await expect(page.getByRole("alert").filter({ hasText: /\S/ })).toContainText("expired or was already used");

    // The doctor's own clinic is theirs to create.
    const own = `Doctor's Practice ${Date.now()}`;
    await page.goto("/clinics/new");
    await page.getByLabel("Clinic name").fill(own);
    await page.getByRole("button", { name: "Create clinic" }).click();
    await expect(page.getByRole("heading", { level: 1, name: own, exact: true })).toBeVisible();
  } finally {
    await attackerContext.close();
    await doctorContext.close();
  }
});
