import { readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { AppError } from "../errors";
import { assertCan, can, permissionMatrixMarkdown } from "./permissions";

describe("permission matrix", () => {
  it("is what docs/permissions.md says (regenerate the table there if this fails)", async () => {
    const doc = await readFile(path.resolve(import.meta.dirname, "../../../../docs/permissions.md"), "utf8");
    expect(doc).toContain(permissionMatrixMarkdown());
  });

  it("ranks owner above admin above staff", () => {
    expect(can("staff", "calls:read")).toBe(true);
    expect(can("staff", "agent:manage")).toBe(false);
    expect(can("admin", "team:manage")).toBe(true);
    expect(can("admin", "clinic:delete")).toBe(false);
    expect(can("owner", "clinic:delete")).toBe(true);
    const staff = { actor: { type: "user" }, role: "staff" } as const;
    expect(() => assertCan(staff, "apiKeys:manage")).toThrow(AppError);
    expect(() => assertCan(staff, "apiKeys:manage")).toThrow(
      "your role (staff) cannot create and revoke developer API keys",
    );
  });

  it("lets API keys, whatever their role, use only the permissions marked for keys", () => {
    const ownerKey = { actor: { type: "api_key" }, role: "owner" } as const;
    expect(() => assertCan(ownerKey, "appointments:manage")).not.toThrow();
    expect(() => assertCan(ownerKey, "patients:read")).not.toThrow();
    for (const permission of [
      "apiKeys:manage",
      "team:manage",
      "team:read",
      "owners:manage",
      "credentials:manage",
    ] as const)
      expect(() => assertCan(ownerKey, permission), permission).toThrow("API keys cannot");
    expect(() => assertCan({ actor: { type: "api_key" }, role: "staff" }, "clinic:update")).toThrow(AppError);
  });
});
