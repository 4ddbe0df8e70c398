// Phone numbers end to end: an owner buys a number by area code (the app searches the Twilio stub,
// a real worker process buys it there and imports it into the Vapi stub), sees it turn Active,
// has the assistant call their phone, and finds the call in Vapi's log and in the calls list.
import { e2eWebEnv, VAPI_STUB_URL } from "../playwright.config";
import { expect, section, test } from "./fixtures";
import { vapiRequests } from "./stubs/vapi-client";
import { useWorker } from "./worker";

// With the app's own environment: the worker buys numbers from the Twilio stub.
useWorker({});

test("an owner buys a number, sees it active, and has the assistant call their phone", async ({
  page,
  demoOwner: _,
}) => {
  test.slow();
  await page.goto("/settings/phone-numbers");
  await expect(page.getByRole("heading", { level: 1, name: "Phone numbers" })).toBeVisible();

  const buy = section(page, "Buy a number");
  await buy.getByLabel("Area code").fill("41");
  await buy.getByRole("button", { name: "Search" }).click();
  await expect(buy.getByText("enter a three-digit US or Canadian area code")).toBeVisible();
  const areaCode = String(200 + (Date.now() % 700));
  await buy.getByLabel("Area code").fill(areaCode);
  await buy.getByRole("button", { name: "Search" }).click();
  const offer = buy.getByRole("button", { name: /^Buy \+1/ }).first();
  await expect(offer).toBeVisible();
  const e164 = ((await offer.getAttribute("aria-label")) ?? "").replace("Buy ", "").trim();
  await offer.click();

  const numbers = section(page, "Your numbers");
  const row = numbers.getByRole("row").filter({ has: page.getByLabel(`Label for ${e164}`) });
  await expect(row).toBeVisible();
  // The worker buys it in the clinic's subaccount and imports it into Vapi; the list looks again.
  await expect(row.getByText("Active", { exact: true })).toBeVisible({ timeout: 30_000 });
  const imported = (await vapiRequests()).find(
    (r) => r.method === "POST" && r.path === "/phone-number" && r.body.number === e164,
  );
  expect(imported?.body).toMatchObject({ provider: "twilio", smsEnabled: false });
  expect(imported?.body).not.toHaveProperty("assistantId");

  await row.getByLabel(`Label for ${e164}`).fill("E2E line");
  await row.getByLabel(`Label for ${e164}`).press("Enter");
  const callMe = section(page, "Call my phone");
  const from = callMe.getByRole("option", { name: /^E2E line \(/ });
  await expect(from).toBeAttached();
  await callMe.getByLabel("Call from").selectOption({ label: (await from.textContent()) as string });
  const mine = `+1415555${String(Date.now()).slice(-4)}`;
  await callMe.getByLabel("Your phone").fill("555 0100");
  await callMe.getByRole("button", { name: "Call my phone" }).click();
  await expect(callMe.getByText("use international format")).toBeVisible();
  await callMe.getByLabel("Your phone").fill(mine);
  await callMe.getByRole("button", { name: "Call my phone" }).click();
  await expect(page.getByText("Calling you now.")).toBeVisible();

  const placed = (await vapiRequests()).find(
    (r) => r.method === "POST" && r.path === "/call" && (r.body.customer as { number?: string })?.number === mine,
  );
  const inVapi = (await (
    await fetch(`${VAPI_STUB_URL}/phone-number`, {
      headers: { authorization: `Bearer ${e2eWebEnv.VAPI_PRIVATE_KEY}` },
    })
  ).json()) as { id: string; number: string }[];
  expect(placed?.body.phoneNumberId).toBe(inVapi.find((n) => n.number === e164)?.id);
  await page.screenshot({ path: test.info().outputPath("phone-numbers.png"), fullPage: true });

  await callMe.getByRole("link", { name: "See it under Calls" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Calls" })).toBeVisible();
  // Listed as the number it called (formatted), on the line it called from.
  const call = page.getByRole("row", { name: new RegExp(`555-${mine.slice(-4)}.*E2E line`) });
  await expect(call).toBeVisible();
  await page.screenshot({ path: test.info().outputPath("calls-after-test-call.png"), fullPage: true });
});
