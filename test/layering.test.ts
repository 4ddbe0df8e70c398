// The dependency direction (apps -> api -> core, worker -> core) is enforced by the linter;
// this proves the rule fires, so a config edit cannot silently switch it off.
import { execFile } from "node:child_process";
import { rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "..");
const run = promisify(execFile);

async function lint(dir: string, source: string) {
  const file = path.join(root, dir, `layering-probe-${process.pid}.ts`);
  await writeFile(file, source);
  try {
    await run(path.join(root, "node_modules/.bin/biome"), ["lint", "--max-diagnostics=5", file], { cwd: root });
    return { ok: true, output: "" };
  } catch (error) {
    const { stdout, stderr } = error as { stdout: string; stderr: string };
    return { ok: false, output: stdout + stderr };
  } finally {
    await rm(file, { force: true });
  }
}

// Each case runs Biome in a child process: seconds on a busy 2-core machine, not milliseconds.
describe("layering lint rule", { timeout: 30_000 }, () => {
  it.each([
    ["packages/core/src", 'import { appRouter } from "@frontdesk/api";', "core is the bottom layer"],
    ["packages/core/src", 'import { redirect } from "next/navigation";', "core must not depend on"],
    ["packages/api/src", 'import x from "../../../apps/web/src/env";', "api may use only core's public exports"],
    ["apps/worker/src", 'import { appRouter } from "@frontdesk/api";', "worker depends on core only"],
    ["apps/web/src", 'import { jobs } from "@frontdesk/core/src/queue/jobs";', "public exports"],
    ["apps/realtime/src", 'import { appRouter } from "@frontdesk/api";', "Pusher protocol only"],
  ])("rejects a wrong-way import in %s: %s", async (dir, importLine, message) => {
    const result = await lint(
      dir,
      `${importLine}\nexport const probe = [typeof ${importLine.match(/import \{?\s*(\w+)/)?.[1]}];\n`,
    );
    expect(result.ok).toBe(false);
    expect(result.output).toContain(message);
  });

  it("accepts the right direction", async () => {
    const result = await lint(
      "packages/api/src",
      'import { AppError } from "@frontdesk/core";\nexport const probe = AppError;\n',
    );
    expect(result).toEqual({ ok: true, output: "" });
  });
});
