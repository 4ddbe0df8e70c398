import {
  AppError,
  type AppErrorCode,
  type ClinicOrigin,
  type Mailer,
  type Origin,
  type RequestActor,
  resolveClinicAccess,
  type UserActor,
} from "@frontdesk/core";
import type { Keyring } from "@frontdesk/core/crypto";
import { Prisma, type Role, type RootDb } from "@frontdesk/core/db";
import type { TelephonyDeps } from "@frontdesk/core/phone-numbers";
import { assertCan, type Permission, type TenantClients, type TenantDb } from "@frontdesk/core/tenancy";
import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import { ZodError, z } from "zod";

/** What the platform provides to every request. */
export type Services = {
  rootDb: RootDb;
  tenants: TenantClients;
  mailer: Mailer;
  appUrl: string;
  /** Reverse proxies in front of the app whose X-Forwarded-For entries we trust. */
  trustedProxyHops: number;
  /** Encrypts clinics' stored credentials. */
  keyring: Keyring;
  /** Vapi and Twilio for the clinic's phone numbers and test calls. */
  telephony: Omit<TelephonyDeps, "tenants" | "keyring">;
};

/**
 * The inner context: explicit inputs only, so procedures can be called in tests without HTTP.
 * The web app's route builds it from the request (session or API key, chosen clinic, IP).
 */
export type Context = Services & {
  actor: RequestActor | null;
  /** The clinic the caller asks for (dashboard switcher); checked against membership. */
  requestedClinicId: string | null;
  ip: string | null;
};

export const createContext = (inner: Context): Context => inner;

const trpcCode: Record<AppErrorCode, TRPCError["code"]> = {
  BAD_REQUEST: "BAD_REQUEST",
  UNAUTHORIZED: "UNAUTHORIZED",
  FORBIDDEN: "FORBIDDEN",
  NOT_FOUND: "NOT_FOUND",
  CONFLICT: "CONFLICT",
  RATE_LIMITED: "TOO_MANY_REQUESTS",
  UNAVAILABLE: "SERVICE_UNAVAILABLE",
  INTERNAL: "INTERNAL_SERVER_ERROR",
};

/** The one place errors from core and the database become tRPC errors. */
export function toTRPCError(cause: unknown): TRPCError | null {
  if (cause instanceof AppError) return new TRPCError({ code: trpcCode[cause.code], message: cause.message, cause });
  if (cause instanceof ZodError) return new TRPCError({ code: "BAD_REQUEST", message: z.prettifyError(cause), cause });
  if (cause instanceof Prisma.PrismaClientKnownRequestError) {
    // A row outside the caller's clinic is indistinguishable from a missing one.
    if (cause.code === "P2025" || cause.code === "P2003")
      return new TRPCError({ code: "NOT_FOUND", message: "not found", cause });
    if (cause.code === "P2002") return new TRPCError({ code: "CONFLICT", message: "that already exists", cause });
  }
  if (cause instanceof Error && /row-level security/.test(cause.message)) {
    return new TRPCError({ code: "NOT_FOUND", message: "not found", cause });
  }
  return null;
}

/** Read by tests that walk the router (isolation, role matrix); never by request handling. */
export type ProcedureMeta = { scope: "public" | "authed" | "user" | "clinic"; permission?: Permission };

const t = initTRPC
  .context<Context>()
  .meta<ProcedureMeta>()
  .create({
    // Dates (and other non-JSON values) arrive as what the types say they are.
    transformer: superjson,
    errorFormatter({ shape, error }) {
      const internal = error.code === "INTERNAL_SERVER_ERROR" && !(error.cause instanceof AppError);
      return {
        ...shape,
        // Never echo an unexpected error's text (SQL, stack, secrets) to the caller.
        message: internal
          ? "something went wrong on our side; try again, and contact support if it persists"
          : shape.message,
        data: {
          ...shape.data,
          stack: undefined,
          // Field-level messages a form can show next to each input.
          zodError: error.cause instanceof ZodError ? z.flattenError(error.cause) : null,
          // Machine-readable specifics, e.g. { reason: "slot_taken", alternatives: [...] }.
          details: error.cause instanceof AppError ? (error.cause.details ?? null) : null,
        },
      };
    },
  });

const mapErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok) {
    const mapped = toTRPCError(result.error.cause);
    if (mapped) throw mapped;
  }
  return result;
});

export const router = t.router;

/** The answer of a mutation that has nothing else to return. */
export const okOutput = z.object({ ok: z.literal(true) });
export const createCallerFactory = t.createCallerFactory;

/** Anyone, signed in or not. */
export const publicProcedure = t.procedure.meta({ scope: "public" }).use(mapErrors);

/** A signed-in person or an API key. */
const authedProcedure = publicProcedure.meta({ scope: "authed" }).use(({ ctx, next }) => {
  if (!ctx.actor)
    throw new TRPCError({
      code: "UNAUTHORIZED",
      message: "sign in, or send an API key as Authorization: Bearer <key>",
    });
  return next({ ctx: { actor: ctx.actor } });
});

/** A signed-in person (account-level actions an API key may not take). */
export const userProcedure = authedProcedure.meta({ scope: "user" }).use(({ ctx, next }) => {
  if (ctx.actor.type !== "user")
    throw new TRPCError({ code: "FORBIDDEN", message: "this needs a signed-in person, not an API key" });
  const origin: Origin<UserActor> = { actor: ctx.actor, ip: ctx.ip };
  return next({ ctx: { actor: ctx.actor, origin } });
});

type ClinicContext = {
  clinic: { id: string; role: Role };
  /** The tenant-scoped client: the only database handle a clinic procedure gets. */
  db: TenantDb;
  /** Who is acting and in which role, for core's permission checks and audit rows. */
  origin: ClinicOrigin;
};

/** Acts on one clinic the actor belongs to; the unscoped client is out of reach from here. */
export const clinicProcedure = authedProcedure.meta({ scope: "clinic" }).use(async ({ ctx, next }) => {
  const access = await resolveClinicAccess(ctx.rootDb, ctx.actor, ctx.requestedClinicId);
  const db = ctx.tenants.forTenant(access.clinicId);
  const origin: ClinicOrigin = { actor: ctx.actor, ip: ctx.ip, role: access.role };
  const clinicContext: ClinicContext = {
    clinic: { id: access.clinicId, role: access.role },
    db,
    origin,
  };
  return next({ ctx: { ...clinicContext, rootDb: undefined as never, tenants: undefined as never } });
});

/** A clinic procedure that needs a permission from the matrix (packages/core/src/tenancy/permissions.ts). */
export const clinicProcedureWith = (permission: Permission) =>
  clinicProcedure.meta({ scope: "clinic", permission }).use(({ ctx, next }) => {
    assertCan(ctx.origin, permission);
    return next();
  });
