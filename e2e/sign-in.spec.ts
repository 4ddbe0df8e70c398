import { demo, expect, signIn, test } from "./fixtures";

test("the sign-in page renders", async ({ page }) => {
  await page.goto("/sign-in");
  await expect(page).toHaveTitle("Sign in · Frontdesk");
  await expect(page.getByRole("heading", { name: "Sign in to Frontdesk" })).toBeVisible();
  await expect(page.getByLabel("Email")).toBeVisible();
  await expect(page.getByLabel("Password")).toBeVisible();
  await expect(page.getByRole("button", { name: "Sign in" })).toBeEnabled();
});

test("the dashboard sends signed-out visitors to sign in", async ({ page }) => {
  await page.goto("/dashboard");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fdashboard|\/sign-in\?callbackUrl=\/dashboard/);
});

test("a wrong password says what to do and stays on the page", async ({ page }) => {
  await signIn(page, { email: demo.email, password: "not-the-password" });
  // (Next.js has its own empty role="alert" route announcer on every page.)
  await expect(page.getByRole("alert").filter({ hasText: /\S/ })).toHaveText(
    "That email and password don't match an account. Check both and try again.",
  );
  await expect(page).toHaveURL(/\/sign-in/);
});

test("the demo login opens the clinic's dashboard", async ({ page }) => {
  await signIn(page, demo);
  await expect(page.getByRole("heading", { name: "Bright Smile Dental" })).toBeVisible();
  await expect(page.getByText("Times shown in America/New_York")).toBeVisible();
  await expect(page.getByRole("group", { name: "Providers", exact: true }).locator("strong")).toHaveText("2");
  // Other specs (the simulator's) may have called the demo clinic already: the count is there, whatever it is.
  await expect(page.getByRole("group", { name: "Calls", exact: true }).locator("strong")).toHaveText(/^\d+$/);
  await page.screenshot({ path: test.info().outputPath("dashboard.png"), fullPage: true });
});
