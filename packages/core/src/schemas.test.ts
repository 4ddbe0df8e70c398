// `@frontdesk/core/schemas` is imported by the web app's client components: everything it
// reaches must be zod, other schemas files or Prisma's generated enums (which have no
// runtime), or Prisma and pg end up in the browser bundle.
import { readFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { describe, expect, it } from "vitest";

const here = dirname(new URL(import.meta.url).pathname);
const allowed = (specifier: string) =>
  specifier === "zod" || specifier.endsWith("/schemas") || specifier.endsWith("/generated/prisma/enums");

function importsOf(file: string) {
  const source = readFileSync(file, "utf8");
  return [...source.matchAll(/^(?:import|export)[^;]*?from\s+"([^"]+)"/gms)].map((m) => m[1] as string);
}

describe("the client-safe schemas barrel", () => {
  it("reaches nothing but zod, schemas files and the generated enums", () => {
    const seen = new Set<string>();
    const offending: string[] = [];
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      for (const specifier of importsOf(file)) {
        if (!allowed(specifier)) offending.push(`${relative(here, file)} imports ${specifier}`);
        else if (specifier.startsWith(".") && specifier.endsWith("/schemas"))
          visit(`${join(dirname(file), specifier)}.ts`);
      }
    };
    visit(join(here, "schemas.ts"));
    expect(offending).toEqual([]);
    expect(seen.size).toBeGreaterThan(5);
  });
});
