// Server components call procedures directly (no HTTP) with the context the API route builds
// from the same request headers (session cookie, chosen clinic, client IP).
import { appRouter, contextFromRequest, createCallerFactory } from "@frontdesk/api";
import { headers } from "next/headers";
import { sessionUserId } from "./auth";
import { services } from "./services";

const createCaller = createCallerFactory(appRouter);

export async function serverCaller() {
  const request = new Request("http://frontdesk.internal/", { headers: new Headers(await headers()) });
  return createCaller(await contextFromRequest(request, services(), sessionUserId));
}
