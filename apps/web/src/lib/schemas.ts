// The web app's way to core's client-safe schemas (and zod): the import below switches zod to
// its CSP-safe mode before any schema is built, because imports run in order.
import "./zod-jitless";

export * from "@frontdesk/core/schemas";
export { z } from "zod";
