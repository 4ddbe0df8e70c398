import type { AppRouter } from "@frontdesk/api";
import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";

/** Procedure inputs, for typing form payloads. */
export type RouterInputs = inferRouterInputs<AppRouter>;
/** Procedure outputs (superjson keeps dates as Dates). */
export type RouterOutputs = inferRouterOutputs<AppRouter>;
export type Role = RouterOutputs["clinic"]["get"]["myRole"];
