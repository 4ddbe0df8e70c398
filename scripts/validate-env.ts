// npm run validate-env — a pre-flight for a deployment's configuration. One line per check,
// each failure with its fix; exits non-zero if anything required is wrong. Never prints a
// secret's value.
import { readdir } from "node:fs/promises";
import { createKeyring, decryptSecret, encryptSecret } from "@frontdesk/core/crypto";
import { checkRules, checkVariable, isSecret, optionalFor, type VariableName, variables } from "@frontdesk/core/env";
import pg from "pg";
import { loadDotEnv } from "./lib/dotenv";
import { migrationPaths } from "./lib/migrations";

loadDotEnv();
const source = process.env;
let failures = 0;
const line = (mark: "ok" | "FAIL" | "skip", name: string, text: string) => {
  if (mark === "FAIL") failures++;
  console.log(`${mark.padEnd(4)}  ${name.padEnd(38)} ${text}`);
};

const shown = (name: VariableName, value: unknown) =>
  isSecret(name) ? "set" : value === source[name] ? `= ${String(value)}` : `= ${String(value)} (default)`;

const values: Record<string, unknown> = {};
const valid = new Set<string>();
for (const name of Object.keys(variables) as VariableName[]) {
  const result = checkVariable(name, source[name]);
  if (result.ok) {
    values[name] = result.value;
    valid.add(name);
  }
  if (!result.ok) line("FAIL", name, `${result.problem.message}; fix: ${result.problem.fix}`);
  else if (result.value === undefined) line("skip", name, `not set (optional; needed for ${optionalFor(name)})`);
  else line("ok", name, shown(name, result.value));
}

// Rules across variables (production needs a mailer and https; NEXTAUTH_URL matches APP_URL).
for (const problem of checkRules(values, valid)) {
  line("FAIL", problem.name, `${problem.message}; fix: ${problem.fix}`);
}

// Pairs that only work together.
for (const [a, b] of [
  ["TWILIO_ACCOUNT_SID", "TWILIO_AUTH_TOKEN"],
  ["GOOGLE_CLIENT_ID", "GOOGLE_CLIENT_SECRET"],
  ["PUSHER_KEY", "PUSHER_SECRET"],
] as const) {
  if (Boolean(source[a]) !== Boolean(source[b])) {
    line("FAIL", `${a} + ${b}`, `only one of the two is set; fix: set both, or neither`);
  }
}

const encryption = checkVariable("ENCRYPTION_KEY", source.ENCRYPTION_KEY);
const keyId = checkVariable("ENCRYPTION_KEY_ID", source.ENCRYPTION_KEY_ID);
if (encryption.ok && keyId.ok) {
  try {
    const keyring = createKeyring(String(keyId.value), String(encryption.value), source.ENCRYPTION_PREVIOUS_KEYS);
    const probe = `frontdesk-${Date.now()}`;
    const roundTrip = decryptSecret(keyring, encryptSecret(keyring, probe, "validate-env"), "validate-env");
    if (roundTrip !== probe) throw new Error("decrypted text differs");
    line(
      "ok",
      "encryption",
      `AES-256-GCM round trip with key "${keyring.currentKeyId}" (${keyring.keys.size} key(s) loaded)`,
    );
  } catch (error) {
    line("FAIL", "encryption", `round trip failed (${(error as Error).message}); fix: check ENCRYPTION_* values`);
  }
} else {
  line("skip", "encryption", "not tried: fix ENCRYPTION_KEY first");
}

const database = checkVariable("DATABASE_URL", source.DATABASE_URL);
if (database.ok && typeof database.value === "string") {
  const target = new URL(database.value);
  const where = `${target.hostname}:${target.port || 5432}${target.pathname}`;
  const client = new pg.Client({ connectionString: database.value, connectionTimeoutMillis: 5_000 });
  try {
    await client.connect();
    const { rows } = await client.query<{ version: string }>("SELECT current_setting('server_version') AS version");
    line("ok", "database", `connected to ${where} (PostgreSQL ${rows[0]?.version})`);
    const onDisk = (await readdir(migrationPaths.migrationsDir, { withFileTypes: true }))
      .filter((e) => e.isDirectory())
      .map((e) => e.name);
    const appliedRows = await client
      .query<{ migration_name: string }>(
        "SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL",
      )
      .then((r) => r.rows.map((row) => row.migration_name))
      .catch(() => [] as string[]);
    const pending = onDisk.filter((name) => !appliedRows.includes(name));
    if (pending.length === 0) line("ok", "migrations", `all ${onDisk.length} applied`);
    else line("FAIL", "migrations", `${pending.length} pending (${pending.join(", ")}); fix: run npm run migrate`);
  } catch (error) {
    const code = (error as { code?: string }).code;
    const reason = code ?? (error as Error).message;
    line(
      "FAIL",
      "database",
      `cannot connect to ${where} (${reason}); fix: start PostgreSQL there or correct DATABASE_URL`,
    );
  } finally {
    await client.end().catch(() => {});
  }
} else {
  line("skip", "database", "not tried: fix DATABASE_URL first");
}

console.log(failures ? `\n${failures} problem(s) found` : "\nconfiguration is valid");
process.exit(failures ? 1 : 0);
