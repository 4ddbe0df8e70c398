// Reading the test mailbox (mailbox.ts) from a test: a person's newest emailed link.
import { expect, type Page } from "@playwright/test";
import { MAILBOX_URL } from "../../playwright.config";
import type { Message } from "./mailbox";

/** The newest link to `path` (e.g. "/verify-email?token=") emailed to `to`; waits for it to arrive. */
export async function emailedLink(to: string, path: string) {
  const pattern = new RegExp(`https?://[^\\s]+${path.replace(/[?]/g, "\\?")}[^\\s]+`);
  let link: string | undefined;
  await expect
    .poll(
      async () => {
        const response = await fetch(`${MAILBOX_URL}/messages?to=${encodeURIComponent(to.toLowerCase())}`);
        const messages = (await response.json()) as Message[];
        link = messages
          .map((m) => m.text.match(pattern)?.[0])
          .filter(Boolean)
          .at(-1);
        return link;
      },
      { message: `an email to ${to} with a ${path} link` },
    )
    .toBeTruthy();
  return link as string;
}

/** Opens the sign-up's confirmation link in `page` (signed in to that account) and confirms. */
export async function confirmEmail(page: Page, email: string) {
  await expect(page.getByRole("heading", { name: "Confirm your email address" })).toBeVisible();
  await page.goto(await emailedLink(email, "/verify-email?token="));
  await page.getByRole("button", { name: "Confirm email address" }).click();
}
