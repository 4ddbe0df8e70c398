// Building the request context from an HTTP request, shared by the Next.js route and tests.
import { authenticateApiKey } from "@frontdesk/core";
import { CLINIC_COOKIE, CLINIC_HEADER } from "./constants";
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
): Promise<Context> {
  const ip = clientIp(req.headers, services.trustedProxyHops);
  const requested = req.headers.get(CLINIC_HEADER) ?? cookie(req.headers.get("cookie"), CLINIC_COOKIE);
  const requestedClinicId = requested && UUID.test(requested) ? requested : null;
  const authorization = req.headers.get("authorization");
  if (authorization) {
    const [scheme, key] = authorization.split(" ");
    const actor = await authenticateApiKey(services.rootDb, scheme?.toLowerCase() === "bearer" ? (key ?? "") : "", {
      ip,
    }).catch((error: unknown) => {
      throw toTRPCError(error) ?? error; // a bad key is a 401 (or 429), not a server error
    });
    return { ...services, actor: actor as Context["actor"], requestedClinicId, ip };
  }
  const userId = await sessionUserId();
  return { ...services, actor: userId ? { type: "user", userId } : null, requestedClinicId, ip };
}
