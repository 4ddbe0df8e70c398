// Every signed-in page renders for the demo clinic's owner: a cheap net under the pages the
// flow specs don't walk through (a server error would show the error page instead). The pages
// are the route table's, so a page added there is covered without touching this spec.
import { randomUUID } from "node:crypto";
import type { Page } from "@playwright/test";
import pg from "pg";
import { type AppRoute, hrefOf, routes, titleOf } from "../apps/web/src/routes";
import { expect, test } from "./fixtures";

const DEMO_CLINIC = "Bright Smile Dental";
const heading = (route: AppRoute) => (route === routes.dashboard ? DEMO_CLINIC : titleOf(route));

/** A record for each page of one record (a route with a [param]): its path and its heading. */
const records: Record<string, (page: Page) => Promise<[path: string, heading: string]>> = {
  [routes.patient.path]: async (page) => {
    // The demo clinic has no patients of its own: add one (a known phone finds the same one again).
    const response = await page.request.post("/api/trpc/patients.create", {
      data: { json: { firstName: "Paige", lastName: "Render", phone: "+14155550177" } },
    });
    expect(response.status()).toBe(200);
    const { id } = (await response.json()).result.data.json;
    return [hrefOf(routes.patient, { id }), "Paige Render"];
  },
  [routes.call.path]: async () => {
    // Calls come from Vapi, not from a form: one as the worker would have written it.
    const client = new pg.Client({ connectionString: process.env.E2E_DATABASE_URL });
    await client.connect();
    try {
      const { rows } = await client.query<{ id: string }>(
        `INSERT INTO calls (id, "clinicId", "vapiCallId", status, "fromNumber", "updatedAt")
         SELECT gen_random_uuid(), id, $1, 'ended', '+14155550178', now() FROM clinics WHERE slug = 'bright-smile-dental'
         RETURNING id`,
        [randomUUID()],
      );
      return [hrefOf(routes.call, { id: rows[0]?.id ?? "" }), "Call from +1 (415) 555-0178"];
    } finally {
      await client.end();
    }
  },
};

test("every signed-in page renders for the owner", async ({ page, demoOwner: _ }) => {
  test.slow(); // a full page load for every route in the table
  const pages: [path: string, heading: string][] = [];
  for (const route of Object.values(routes) as AppRoute[]) {
    const record = records[route.path];
    if (record) pages.push(await record(page));
    else {
      expect(route.path, "a page for one record needs an entry in `records`").not.toContain("[");
      pages.push([route.path, heading(route)]);
    }
  }
  pages.push(["/clinics/new", "Create a clinic"]);

  for (const [path, name] of pages) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(200);
    await expect(page.getByRole("heading", { level: 1, name, exact: true }), path).toBeVisible();
    await expect(page.getByRole("heading", { name: "Something went wrong" }), path).toHaveCount(0);
  }
  expect(pages.length).toBeGreaterThanOrEqual(18);
});

test("an owner connects the clinic's own Twilio account; a wrong SID says what it should be", async ({
  page,
  demoOwner: _,
}) => {
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
