// The receptionist's assistants end to end: an owner of a new clinic writes one in the editor,
// a real worker process syncs it to Vapi (the e2e stub, through the real SDK), and the editor
// shows it synced.
import { expect, nav, test } from "./fixtures";
import { vapiRequests } from "./stubs/vapi-client";
import { useWorker } from "./worker";

// Signing up a clinic, saving an assistant and waiting for a worker: generous on a loaded machine.
test.describe.configure({ timeout: 180_000 });

useWorker();

test("an owner writes an assistant, sees what callers hear first, and sees it synced to Vapi", async ({
  page,
  clinic,
}) => {
  await nav(page).getByRole("link", { name: "Receptionist" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "AI receptionist" })).toBeVisible();
  await expect(page.getByText("No assistant yet")).toBeVisible();

  await page.getByLabel("Name").fill("Front desk");
  await page.getByLabel("Role").selectOption("receptionist");
  const prompt = page.getByLabel("System prompt");
  await prompt.fill("You are the calm receptionist of ");
  await page.getByRole("button", { name: "{{clinicName}}" }).click();
  await expect(prompt).toHaveValue("You are the calm receptionist of {{clinicName}}");
  await page.getByLabel("First message").fill("Hello, {{clinicName}} here. How can I help?");
  await expect(page.getByTestId("first-message-preview")).toHaveText(`“Hello, ${clinic.name} here. How can I help?”`);
  await page.getByLabel("Voice provider").selectOption("openai");
  await expect(page.getByLabel("Voice", { exact: true })).toHaveValue("alloy");
  await page.getByLabel("Voice", { exact: true }).selectOption("nova");
  await page.getByLabel("Model", { exact: true }).selectOption("gpt-4o-mini");
  await page.getByLabel("Transfer number").fill("0415");
  await page.getByRole("button", { name: "Add assistant" }).click();
  await expect(page.getByText("use international format, e.g. +14155550123")).toBeVisible();
  await page.getByLabel("Transfer number").fill("+14155550123");
  await page.getByRole("button", { name: "Add assistant" }).click();

  // Saved at once; the worker takes it to Vapi moments later.
  const status = page.getByRole("region", { name: "Status" });
  await expect(page.getByRole("heading", { name: "Edit Front desk" })).toBeVisible();
  await expect(status.getByText("Synced", { exact: true })).toBeVisible({ timeout: 60_000 });
  await expect(status).toContainText("every number without an assistant of its own");
  const row = page.getByRole("row").filter({ hasText: "Front desk" });
  await expect(row).toContainText("Default");
  await expect(row).toContainText("Synced");

  const log = await vapiRequests();
  const created = log.filter((r) => r.method === "POST" && r.path === "/assistant");
  const ours = created.find(
    (r) => (r.body.metadata as { clinicId?: string })?.clinicId !== undefined && r.body.name === "Front desk",
  );
  expect(ours?.body).toMatchObject({
    firstMessage: "Hello, {{clinicName}} here. How can I help?",
    voice: { provider: "openai", voiceId: "nova" },
    model: { provider: "openai", model: "gpt-4o-mini" },
  });
  expect((ours?.body.model as { toolIds?: string[] } | undefined)?.toolIds).toHaveLength(7);
  // Tools are registered once for the platform, however many clinics the suite has made.
  const toolCreates = log.filter((r) => r.method === "POST" && r.path === "/tool");
  expect(toolCreates.length).toBeLessThanOrEqual(7);

  await page.screenshot({ path: test.info().outputPath("assistant-editor.png"), fullPage: true });
  await page.screenshot({ path: "test-results/assistant-editor.png", fullPage: true });
});
