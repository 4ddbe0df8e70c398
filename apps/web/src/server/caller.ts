// Server components call procedures directly (no HTTP) with the context the API route builds
// from the same request headers (session cookie, chosen clinic, client IP).
import { contextFromRequest } from "@frontdesk/api";
import { headers } from "next/headers";
import { cache } from "react";
import { sessionUserId } from "./auth";
import { services } from "./services";

/** The request's tRPC context, built once per request however many procedures a page calls. */
export const serverContext = cache(async () => {
  const request = new Request("http://frontdesk.internal/", { headers: new Headers(await headers()) });
  return contextFromRequest(request, services(), sessionUserId);
});
