// Server components call procedures directly (no HTTP) with the same context the API builds.
import { appRouter, clientIp, createCallerFactory, ORG_COOKIE } from "@frontdesk/api";
import { cookies, headers } from "next/headers";
import { sessionUserId } from "./auth";
import { services } from "./services";

const createCaller = createCallerFactory(appRouter);

export async function serverCaller() {
  const [cookieStore, headerStore, userId] = await Promise.all([cookies(), headers(), sessionUserId()]);
  const requested = cookieStore.get(ORG_COOKIE)?.value ?? null;
  return createCaller({
    ...services(),
    actor: userId ? { type: "user", userId } : null,
    requestedOrgId: requested && /^[0-9a-f-]{36}$/i.test(requested) ? requested : null,
    ip: clientIp(headerStore, services().trustedProxyHops),
  });
}
