// Server start: refuse to serve with a broken configuration, printing one actionable line per
// problem instead of failing later on the first request.
import { ConfigError, formatProblem } from "@frontdesk/core/env";
import { env } from "./src/env";

try {
  env();
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  for (const problem of error.problems) console.error(formatProblem(problem));
  process.exit(1);
}
