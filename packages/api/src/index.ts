export { handleExportRequest, ROW_COUNT_HEADER } from "./export";
export {
  CLINIC_COOKIE,
  CLINIC_HEADER,
  clientIp,
  contextFromRequest,
  handleTrpcRequest,
  MAX_BATCH_CALLS,
  TRPC_ENDPOINT,
} from "./http";
export { type AppRouter, appRouter } from "./root";
export { type Context, createCallerFactory, createContext, type ProcedureMeta, type Services } from "./trpc";
