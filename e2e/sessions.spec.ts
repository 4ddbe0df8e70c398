// Sessions end when they should, in every browser that holds one: a password reset, "sign out
// everywhere", and 12 hours after sign-in however recently the session was used.
import type { BrowserContext, Page } from "@playwright/test";
import { E2E_NEXTAUTH_SECRET } from "../playwright.config";
import { type Account, expect, signIn, signOut, test } from "./fixtures";
import { emailedLink } from "./stubs/mailbox-client";
import { decodeSession, encodeSession } from "./stubs/session-token";

const SESSION_COOKIE = "next-auth.session-token"; // plain http in e2e, so no __Secure- prefix

async function signInAgain(page: Page, account: Account) {
  await signIn(page, account);
  await expect(page).toHaveURL(/\/dashboard$/);
}

const expectSignedOut = async (page: Page) => {
  await page.goto("/dashboard");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=/);
};

test("a password reset signs the account out of every other browser", async ({ page, browser, clinic }) => {
  const { email } = clinic.owner;
  const other = await browser.newContext();
  try {
    const phone = await other.newPage();
    await phone.goto("/forgot-password");
    await phone.getByLabel("Email").fill(email);
    await phone.getByRole("button", { name: "Email me a reset link" }).click();
    await expect(phone.getByRole("status")).toContainText("we sent a link");
    await phone.goto(await emailedLink(email, "/reset-password?token="));
    await phone.getByLabel("New password").fill("a brand new password");
    await phone.getByRole("button", { name: "Set new password" }).click();
    await expect(phone.getByRole("status")).toContainText("Your password is changed");
  } finally {
    await other.close();
  }
  await expectSignedOut(page);
  await signInAgain(page, { ...clinic.owner, password: "a brand new password" });
  await expect(page.getByRole("heading", { level: 1, name: clinic.name, exact: true })).toBeVisible();
});

test("sign out everywhere ends the sessions in other browsers too", async ({ page, browser, clinic }) => {
  const other = await browser.newContext();
  try {
    const laptop = await other.newPage();
    await signInAgain(laptop, clinic.owner);
    await signOut(page, { everywhere: true });
    await expect(page).toHaveURL(/\/sign-in/);
    await expectSignedOut(laptop);
  } finally {
    await other.close();
  }
});

/** The context's session token, decoded, and a way to put a re-signed one back. */
async function sessionToken(context: BrowserContext) {
  const cookie = (await context.cookies()).find((c) => c.name === SESSION_COOKIE);
  if (!cookie) throw new Error("no session cookie");
  const token = decodeSession(cookie.value, E2E_NEXTAUTH_SECRET);
  return {
    token,
    async replace(claims: Record<string, unknown>) {
      const value = encodeSession({ ...token, ...claims }, E2E_NEXTAUTH_SECRET);
      await context.addCookies([{ ...cookie, value }]);
    },
  };
}

test("a session ends 12 hours after sign-in, however recently it was used", async ({ page, context, clinic: _ }) => {
  const session = await sessionToken(context);
  expect(session.token).toMatchObject({ version: expect.any(Number), signedInAt: expect.any(Number) });

  // The same session, signed in 11 hours ago: still good (and using it does not extend it).
  const hour = 60 * 60_000;
  const elevenHoursAgo = Date.now() - 11 * hour;
  await session.replace({ signedInAt: elevenHoursAgo });
  await page.goto("/dashboard");
  await expect(page).toHaveURL(/\/dashboard$/);
  const polled = await (await page.request.get("/api/auth/session")).json();
  expect(polled).toMatchObject({ user: { email: expect.any(String) } });
  expect((await sessionToken(context)).token.signedInAt).toBe(elevenHoursAgo);

  // Signed in 12 hours ago: over, for pages, the API and next-auth's own session endpoint.
  await session.replace({ signedInAt: Date.now() - 12 * hour - 60_000 });
  expect(await (await page.request.get("/api/auth/session")).json()).toEqual({});
  await session.replace({ signedInAt: Date.now() - 12 * hour - 60_000 });
  const api = await page.request.get("/api/trpc/account.me");
  expect(api.status()).toBe(401);
  await expectSignedOut(page);
});

test("a session from before its account's current version is signed out", async ({ page, context, clinic: _ }) => {
  const session = await sessionToken(context);
  await session.replace({ version: (session.token.version as number) - 1 });
  await expectSignedOut(page);
});
