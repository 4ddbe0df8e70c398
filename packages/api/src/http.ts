// Building the request context from an HTTP request, shared by the Next.js route and tests.
import { authenticateApiKey } from "@frontdesk/core";
import { type Context, type Services, toTRPCError } from "./trpc";

export const ORG_HEADER = "x-frontdesk-org";
export const ORG_COOKIE = "frontdesk_org";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function cookie(header: string | null, name: string) {
  for (const part of header?.split(";") ?? []) {
    const [key, ...value] = part.trim().split("=");
    if (key === name) return decodeURIComponent(value.join("="));
  }
  return null;
}

/** The caller's address as the nearest proxy saw it. */
export const clientIp = (headers: Headers) =>
  headers.get("x-forwarded-for")?.split(",")[0]?.trim() || headers.get("x-real-ip") || null;

/**
 * An API key (Authorization: Bearer) wins over a session; a malformed or revoked key is an
 * error, never a silent fallback to the session. The requested clinic comes from the
 * x-frontdesk-org header or the dashboard's cookie and is only a request: orgProcedure checks
 * membership.
 */
export async function contextFromRequest(
  req: Request,
  services: Services,
  sessionUserId: () => Promise<string | null>,
): Promise<Context> {
  const ip = clientIp(req.headers);
  const requested = req.headers.get(ORG_HEADER) ?? cookie(req.headers.get("cookie"), ORG_COOKIE);
  const requestedOrgId = requested && UUID.test(requested) ? requested : null;
  const authorization = req.headers.get("authorization");
  if (authorization) {
    const [scheme, key] = authorization.split(" ");
    const actor = await authenticateApiKey(services.rootDb, scheme?.toLowerCase() === "bearer" ? (key ?? "") : "", {
      ip,
    }).catch((error: unknown) => {
      throw toTRPCError(error) ?? error; // a bad key is a 401 (or 429), not a server error
    });
    return { ...services, actor: actor as Context["actor"], requestedOrgId, ip };
  }
  const userId = await sessionUserId();
  return { ...services, actor: userId ? { type: "user", userId } : null, requestedOrgId, ip };
}
