// Answering tRPC over HTTP: the Next.js route and tests both go through handleTrpcRequest.
import { authenticateApiKey, countCalls } from "@frontdesk/core";
import type { TRPCError } from "@trpc/server";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import superjson from "superjson";
import { CLINIC_COOKIE, CLINIC_HEADER } from "./constants";
import { appRouter } from "./root";
import { type Context, type Services, toTRPCError } from "./trpc";

export { CLINIC_COOKIE, CLINIC_HEADER };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function cookie(header: string | null, name: string) {
  for (const part of header?.split(";") ?? []) {
    const [key, ...value] = part.trim().split("=");
    if (key === name) return decodeURIComponent(value.join("="));
  }
  return null;
}

/**
 * The caller's address as our own proxy saw it. Each proxy appends the address it received the
 * request from, so entries to the left are whatever the client claimed; only the entry
 * `trustedHops` from the right is ours (1 behind one reverse proxy). Next.js fills the header
 * from the socket when no proxy did.
 */
export function clientIp(headers: Headers, trustedHops = 1): string | null {
  const hops = headers
    .get("x-forwarded-for")
    ?.split(",")
    .map((h) => h.trim())
    .filter(Boolean);
  if (!hops?.length) return null;
  return hops[Math.max(0, hops.length - trustedHops)] ?? null;
}

export const TRPC_ENDPOINT = "/api/trpc";

/** The most procedure calls one HTTP request may carry (our clients split bigger batches). */
export const MAX_BATCH_CALLS = 20;

/** How many procedure calls a request carries: `a,b,c?batch=1` is three. */
function callsIn(url: URL, endpoint: string) {
  if (url.searchParams.get("batch") !== "1") return 1;
  const paths = url.pathname.slice(endpoint.length).replace(/^\/+/, "");
  // Count what tRPC will split on, whichever way the commas were written.
  return paths.split(/,|%2c/i).length;
}

/** A tRPC-shaped error (the client reads it for every call of the batch), sent before any call runs. */
function refuse(status: number, code: TRPCError["code"], message: string) {
  const shape = {
    message,
    code: -32600,
    data: { code, httpStatus: status, path: null, zodError: null, details: null },
  };
  return Response.json({ error: superjson.serialize(shape) }, { status });
}

/**
 * One HTTP request to /api/trpc: a batch over MAX_BATCH_CALLS is refused whole (413) before
 * anything runs, and every call in it counts against the caller's rate limit (in the context).
 */
export async function handleTrpcRequest(
  req: Request,
  services: Services,
  sessionUserId: () => Promise<string | null>,
  options: { endpoint?: string; onError?: Parameters<typeof fetchRequestHandler>[0]["onError"] } = {},
) {
  const endpoint = options.endpoint ?? TRPC_ENDPOINT;
  const calls = callsIn(new URL(req.url), endpoint);
  if (calls > MAX_BATCH_CALLS) {
    return refuse(
      413,
      "PAYLOAD_TOO_LARGE",
      `a request may carry at most ${MAX_BATCH_CALLS} calls, this one has ${calls}; send them in smaller batches`,
    );
  }
  return fetchRequestHandler({
    endpoint,
    req,
    router: appRouter,
    maxBatchSize: MAX_BATCH_CALLS,
    createContext: () => contextFromRequest(req, services, sessionUserId, calls),
    onError: options.onError,
  });
}

/**
 * An API key (Authorization: Bearer) wins over a session; a malformed or revoked key is an
 * error, never a silent fallback to the session. The requested clinic comes from the
 * x-frontdesk-clinic header or the dashboard's cookie and is only a request: clinicProcedure checks
 * membership.
 */
export async function contextFromRequest(
  req: Request,
  services: Services,
  sessionUserId: () => Promise<string | null>,
  calls = 1,
): Promise<Context> {
  const ip = clientIp(req.headers, services.trustedProxyHops);
  const requested = req.headers.get(CLINIC_HEADER) ?? cookie(req.headers.get("cookie"), CLINIC_COOKIE);
  const requestedClinicId = requested && UUID.test(requested) ? requested : null;
  const actor = await requestActor(req, services, ip, sessionUserId);
  // Every call of a batch counts, before any of them runs.
  await countCalls(services.rootDb, { actor, ip }, calls).catch(asTRPCError);
  return { ...services, actor, requestedClinicId, ip };
}

// A bad key is a 401 (a suspended clinic 403, too many calls 429), not a server error.
const asTRPCError = (error: unknown): never => {
  throw toTRPCError(error) ?? error;
};

async function requestActor(
  req: Request,
  services: Services,
  ip: string | null,
  sessionUserId: () => Promise<string | null>,
): Promise<Context["actor"]> {
  const authorization = req.headers.get("authorization");
  if (authorization) {
    const [scheme, key] = authorization.split(" ");
    const bearer = scheme?.toLowerCase() === "bearer" ? (key ?? "") : "";
    return (await authenticateApiKey(services.rootDb, bearer, { ip }).catch(asTRPCError)) as Context["actor"];
  }
  const userId = await sessionUserId();
  return userId ? { type: "user", userId } : null;
}
