export { clientIp, contextFromRequest, ORG_COOKIE, ORG_HEADER } from "./http";
export { type AppRouter, appRouter } from "./root";
export { type Context, createCallerFactory, createContext, type ProcedureMeta, type Services } from "./trpc";
