// Every environment variable Frontdesk reads, validated in one place. Each app picks the
// variables it needs (`loadEnv`) at start-up; code reads the returned object, never
// `process.env`. A bad value produces one line per problem with the fix, never a stack trace.
import { z } from "zod";

type Variable = {
  schema: z.ZodType;
  /** What to do about a missing or invalid value. */
  fix: string;
  /** Never printed, not even in part. */
  secret?: boolean;
  /** Without it, this part of the product is off (shown by validate-env). */
  optionalFor?: string;
};

const hex = (length: number) => new RegExp(`^[0-9a-fA-F]{${length}}$`);

export const variables = {
  NODE_ENV: {
    schema: z.enum(["development", "test", "production"]).default("development"),
    fix: "use development, test or production",
  },
  DATABASE_URL: {
    schema: z.string().regex(/^postgres(ql)?:\/\/\S+$/, "must be a postgresql:// connection URL"),
    fix: "set DATABASE_URL=postgresql://USER:PASSWORD@HOST:5432/DATABASE (npm run dev starts an embedded one when unset)",
    secret: true,
  },
  APP_URL: {
    schema: z.url().default("http://localhost:3000"),
    fix: "set APP_URL to the public URL of the web app, e.g. https://app.example.com",
  },
  NEXTAUTH_URL: {
    schema: z.url().optional(),
    fix: "set NEXTAUTH_URL to the web app's public URL, the same origin as APP_URL, e.g. https://app.example.com",
    optionalFor: "sign-in outside development (required in production)",
  },
  NEXTAUTH_SECRET: {
    schema: z.string().min(32, "must be at least 32 characters"),
    fix: "generate one with `openssl rand -base64 32` and set NEXTAUTH_SECRET",
    secret: true,
  },
  ENCRYPTION_KEY: {
    schema: z.string().regex(hex(64), "must be 64 hex characters (32 bytes)"),
    fix: "generate one with `openssl rand -hex 32` and set ENCRYPTION_KEY",
    secret: true,
  },
  ENCRYPTION_KEY_ID: {
    schema: z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,32}$/, "must be 1-32 letters, digits, _ or -")
      .default("k1"),
    fix: "name the current key, e.g. ENCRYPTION_KEY_ID=k2 (change it whenever ENCRYPTION_KEY changes)",
  },
  ENCRYPTION_PREVIOUS_KEYS: {
    schema: z
      .string()
      .regex(
        /^([A-Za-z0-9_-]{1,32}:[0-9a-fA-F]{64})(,[A-Za-z0-9_-]{1,32}:[0-9a-fA-F]{64})*$/,
        "must be id:64hex[,id:64hex…]",
      )
      .optional(),
    fix: "list retired keys as ENCRYPTION_PREVIOUS_KEYS=k1:<64 hex>,k0:<64 hex>",
    secret: true,
    optionalFor: "key rotation",
  },
  VAPI_PRIVATE_KEY: {
    schema: z.uuid("must be a UUID (Vapi dashboard → API Keys → Private Key)").optional(),
    fix: "copy the private key from the Vapi dashboard (API Keys) into VAPI_PRIVATE_KEY",
    secret: true,
    optionalFor: "voice agent sync with Vapi",
  },
  VAPI_WEBHOOK_SECRET: {
    schema: z.string().min(24, "must be at least 24 characters").optional(),
    fix: "generate one with `openssl rand -hex 24` and set VAPI_WEBHOOK_SECRET",
    secret: true,
    optionalFor: "receiving Vapi calls",
  },
  VAPI_BASE_URL: {
    schema: z.url().default("https://api.vapi.ai"),
    fix: "leave VAPI_BASE_URL unset unless pointing at a test server",
  },
  TWILIO_ACCOUNT_SID: {
    schema: z
      .string()
      .regex(/^AC[0-9a-fA-F]{32}$/, "must be AC followed by 32 hex characters")
      .optional(),
    fix: "copy the Account SID (AC…) from the Twilio console into TWILIO_ACCOUNT_SID",
    optionalFor: "managed phone numbers and platform SMS",
  },
  TWILIO_AUTH_TOKEN: {
    schema: z.string().regex(hex(32), "must be 32 hex characters").optional(),
    fix: "copy the Auth Token from the Twilio console into TWILIO_AUTH_TOKEN",
    secret: true,
    optionalFor: "managed phone numbers and platform SMS",
  },
  TWILIO_API_BASE_URL: {
    schema: z.url().optional(),
    fix: "leave TWILIO_API_BASE_URL unset unless pointing at a test server",
  },
  PUSHER_APP_ID: {
    schema: z.string().min(1).optional(),
    fix: "set PUSHER_APP_ID from your Pusher (or Soketi) app",
    optionalFor: "live dashboard updates",
  },
  PUSHER_KEY: {
    schema: z.string().min(1).optional(),
    fix: "set PUSHER_KEY from your Pusher (or Soketi) app",
    optionalFor: "live dashboard updates",
  },
  PUSHER_SECRET: {
    schema: z.string().min(1).optional(),
    fix: "set PUSHER_SECRET from your Pusher (or Soketi) app",
    secret: true,
    optionalFor: "live dashboard updates",
  },
  PUSHER_HOST: {
    schema: z.string().min(1).optional(),
    fix: "set PUSHER_HOST to your Pusher-protocol server's host name (unset for Pusher's cloud)",
    optionalFor: "a self-hosted realtime server",
  },
  PUSHER_PORT: {
    schema: z.coerce.number().int().min(1).max(65535).optional(),
    fix: "set PUSHER_PORT to a port number (1-65535)",
    optionalFor: "a self-hosted realtime server",
  },
  GOOGLE_CLIENT_ID: {
    schema: z.string().min(1).optional(),
    fix: "create an OAuth client in Google Cloud and set GOOGLE_CLIENT_ID",
    optionalFor: "Google sign-in",
  },
  GOOGLE_CLIENT_SECRET: {
    schema: z.string().min(1).optional(),
    fix: "set GOOGLE_CLIENT_SECRET from the same Google OAuth client",
    secret: true,
    optionalFor: "Google sign-in",
  },
  GOOGLE_WELL_KNOWN_URL: {
    schema: z.url().default("https://accounts.google.com/.well-known/openid-configuration"),
    fix: "leave GOOGLE_WELL_KNOWN_URL unset unless pointing at a test OpenID provider",
  },
  SMTP_URL: {
    schema: z
      .string()
      .regex(/^smtps?:\/\/\S+$/, "must be an smtp:// or smtps:// URL")
      .optional(),
    fix: "set SMTP_URL=smtps://USER:PASSWORD@HOST:465 (unset in development: emails are printed to the log)",
    secret: true,
    optionalFor: "sending email (development prints links to the log instead; required in production)",
  },
  TRUSTED_PROXY_HOPS: {
    schema: z.coerce.number().int().min(0).max(10).default(1),
    fix: "set TRUSTED_PROXY_HOPS to the number of reverse proxies in front of the app (usually 1)",
  },
  WORKER_CONCURRENCY: {
    schema: z.coerce.number().int().min(1).max(100).default(5),
    fix: "set WORKER_CONCURRENCY to a whole number between 1 and 100",
  },
} satisfies Record<string, Variable>;

export type VariableName = keyof typeof variables;

/** A check across variables; it runs when an app loads all of `names` and each is valid. */
type Rule = { names: readonly VariableName[]; check: (env: Record<string, unknown>) => ConfigProblem | null };

const isProduction = (env: Record<string, unknown>) => env.NODE_ENV === "production";
// A production build on one's own machine (and the e2e suite) talks plain http to loopback,
// which browsers treat as a secure context anyway.
const loopback = (url: URL) => ["localhost", "127.0.0.1", "[::1]"].includes(url.hostname);

type UrlVariable = "APP_URL" | "NEXTAUTH_URL" | "GOOGLE_WELL_KNOWN_URL" | "TWILIO_API_BASE_URL" | "VAPI_BASE_URL";

const httpsInProduction = (name: UrlVariable): Rule => ({
  names: ["NODE_ENV", name],
  check(env) {
    const value = env[name];
    if (!isProduction(env) || typeof value !== "string") return null;
    const url = new URL(value);
    if (url.protocol === "https:" || loopback(url)) return null;
    return {
      name,
      message:
        name === "APP_URL" || name === "NEXTAUTH_URL"
          ? "must be an https:// URL in production (session cookies are only sent securely over https)"
          : "must be an https:// URL in production (sign-in and API traffic must not travel in the clear)",
      fix: variables[name].fix,
    };
  },
});

export const rules: readonly Rule[] = [
  {
    names: ["NODE_ENV", "SMTP_URL"],
    check: (env) =>
      isProduction(env) && !env.SMTP_URL
        ? {
            name: "SMTP_URL",
            message:
              "is required in production: sign-up, invitation and password-reset links must go to the person's inbox, never to a log",
            fix: variables.SMTP_URL.fix,
          }
        : null,
  },
  {
    names: ["NODE_ENV", "NEXTAUTH_URL"],
    check: (env) =>
      isProduction(env) && !env.NEXTAUTH_URL
        ? {
            name: "NEXTAUTH_URL",
            message: "is required in production (without it, sign-in redirects and Google's callback go to localhost)",
            fix: variables.NEXTAUTH_URL.fix,
          }
        : null,
  },
  httpsInProduction("APP_URL"),
  httpsInProduction("NEXTAUTH_URL"),
  // Overrides meant for test servers: over plain http in production, whoever sits on the path
  // could answer as Google (and sign in as anyone) or as Twilio and Vapi.
  httpsInProduction("GOOGLE_WELL_KNOWN_URL"),
  httpsInProduction("TWILIO_API_BASE_URL"),
  httpsInProduction("VAPI_BASE_URL"),
  {
    names: ["APP_URL", "NEXTAUTH_URL"],
    check(env) {
      if (typeof env.NEXTAUTH_URL !== "string" || typeof env.APP_URL !== "string") return null;
      const app = new URL(env.APP_URL).origin;
      if (new URL(env.NEXTAUTH_URL).origin === app) return null;
      return {
        name: "NEXTAUTH_URL",
        message: `must have the same origin as APP_URL (${app}): emailed links and sign-in would otherwise be on different sites`,
        fix: variables.NEXTAUTH_URL.fix,
      };
    },
  },
];

/** The cross-variable rules over `env`, for those whose variables are all in `valid`. */
export function checkRules(env: Record<string, unknown>, valid: ReadonlySet<string>) {
  return rules
    .filter((rule) => rule.names.every((name) => valid.has(name)))
    .map((rule) => rule.check(env))
    .filter((problem): problem is ConfigProblem => problem !== null);
}
type Schemas = { [K in VariableName]: (typeof variables)[K]["schema"] };
export type Env<K extends VariableName> = { [P in K]: z.output<Schemas[P]> };

export type ConfigProblem = { name: string; message: string; fix: string };

export class ConfigError extends Error {
  readonly problems: ConfigProblem[];
  constructor(problems: ConfigProblem[]) {
    super(problems.map(formatProblem).join("\n"));
    this.name = "ConfigError";
    this.problems = problems;
  }
}

export const formatProblem = (p: ConfigProblem) => `config error: ${p.name} ${p.message}; fix: ${p.fix}`;

/** Checks one variable; the message never contains the value of a secret. */
export function checkVariable(name: VariableName, raw: string | undefined) {
  const spec: Variable = variables[name];
  const value = raw === "" ? undefined : raw;
  const result = spec.schema.safeParse(value);
  if (result.success) return { ok: true as const, value: result.data };
  const message = value === undefined ? "is not set" : (result.error.issues[0]?.message ?? "is invalid");
  return { ok: false as const, problem: { name, message, fix: spec.fix } };
}

export function loadEnv<K extends VariableName>(
  names: readonly K[],
  source: Record<string, string | undefined> = process.env,
): Env<K> {
  const env: Record<string, unknown> = {};
  const problems: ConfigProblem[] = [];
  const valid = new Set<string>();
  for (const name of names) {
    const result = checkVariable(name, source[name]);
    if (result.ok) {
      env[name] = result.value;
      valid.add(name);
    } else problems.push(result.problem);
  }
  problems.push(...checkRules(env, valid));
  if (problems.length > 0) throw new ConfigError(problems);
  return env as Env<K>;
}

/**
 * For process entry points: load, or print the problems (one line each) and exit 1.
 */
export function loadEnvOrExit<K extends VariableName>(names: readonly K[], source = process.env): Env<K> {
  try {
    return loadEnv(names, source);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    for (const problem of error.problems) console.error(formatProblem(problem));
    process.exit(1);
  }
}

export const isSecret = (name: VariableName) => Boolean((variables[name] as Variable).secret);
export const optionalFor = (name: VariableName) => (variables[name] as Variable).optionalFor;
