import { existsSync } from "node:fs";
import path from "node:path";
import { repoRoot } from "./migrations";

/** Loads the repo's .env (if any) into process.env without overriding what is already set. */
export function loadDotEnv(file = path.join(repoRoot, ".env")) {
  if (existsSync(file)) process.loadEnvFile(file);
}
