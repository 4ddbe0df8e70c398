// Browser-side walls against the built app: security headers on pages and API routes, a CSP
// the app itself passes (no violations while a signed-in page renders and hydrates), and no
// open redirect after sign-in.
import { demo, expect, signIn, test } from "./fixtures";

test("pages and API routes carry the security headers", async ({ request }) => {
  for (const path of ["/sign-in", "/api/health"]) {
    const headers = (await request.get(path)).headers();
    expect(headers["x-content-type-options"], path).toBe("nosniff");
    expect(headers["referrer-policy"], path).toBe("strict-origin-when-cross-origin");
    expect(headers["x-frame-options"], path).toBe("DENY");
    expect(headers["strict-transport-security"], path).toContain("max-age=");
  }
  const page = (await request.get("/sign-in")).headers()["content-security-policy"];
  expect(page).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  expect(page).toContain("frame-ancestors 'none'");
  expect(page).not.toContain("unsafe-eval");
  // A fresh nonce on every request.
  const again = (await request.get("/sign-in")).headers()["content-security-policy"];
  expect(again).not.toBe(page);
});

test("the signed-in app renders and hydrates without a single CSP violation", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      console.error(`Content Security Policy violation: ${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  await signIn(page, demo);
  await expect(page).toHaveURL(/\/dashboard$/, { timeout: 15_000 });
  await page.goto("/schedule");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  expect(violations).toEqual([]);
});

test("sign-in never redirects off the site, however the callback is disguised", async ({ page, baseURL }) => {
  const origin = new URL(baseURL as string).origin;
  // As an attacker would put them in a link: the query decodes "%5C" to a backslash and "%09" to a tab.
  for (const callback of ["/%5Cevil.example", "/%09/evil.example", "//evil.example", "https://evil.example/"]) {
    await page.context().clearCookies();
    await signIn(page, demo, `/sign-in?callbackUrl=${callback}`);
    await expect(page).toHaveURL(`${origin}/dashboard`, { timeout: 15_000 });
  }
});
