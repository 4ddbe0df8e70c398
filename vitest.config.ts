import { defineConfig } from "vitest/config";

// Test kinds are told apart by file suffix: *.test.ts are unit tests (no I/O beyond the
// process), *.integration.test.ts run against a real PostgreSQL, each file in its own
// database cloned from a migrated template (see test/global-setup.ts).
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "unit",
          include: ["{packages,apps,scripts,test}/**/*.test.ts"],
          exclude: ["**/*.integration.test.ts", "**/node_modules/**"],
        },
      },
      {
        test: {
          name: "integration",
          include: ["{packages,apps,scripts}/**/*.integration.test.ts"],
          exclude: ["**/node_modules/**"],
          globalSetup: ["test/global-setup.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
