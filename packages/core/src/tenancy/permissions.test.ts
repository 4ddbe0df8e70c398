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
    expect(() => assertCan("staff", "apiKeys:manage")).toThrow(AppError);
    expect(() => assertCan("staff", "apiKeys:manage")).toThrow(
      "your role (staff) cannot create and revoke developer API keys",
    );
  });
});
