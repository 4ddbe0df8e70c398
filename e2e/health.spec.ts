import { expect, test } from "@playwright/test";

test("GET /api/health reports the app and its database ok", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  expect(response.headers()["cache-control"]).toContain("no-store");
  const body = await response.json();
  expect(body).toEqual({ status: "ok", uptime: expect.any(Number), db: "ok" });
});

test("the tRPC endpoint answers the typed health procedure", async ({ request }) => {
  const response = await request.get("/api/trpc/system.health");
  expect(response.status()).toBe(200);
  // superjson wire format: { json: <value> }
  expect((await response.json()).result.data.json).toMatchObject({ status: "ok", db: "ok" });
});
