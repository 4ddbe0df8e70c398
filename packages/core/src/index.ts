export { hashPassword, verifyPassword } from "./auth/password";
export { AppError, type AppErrorCode, appErrorCodes, isTransient } from "./errors";
export { checkHealth, type Health } from "./health";
export { pruneExpiredIdempotencyKeys } from "./idempotency/prune-expired-keys";
export { demoLogin, seedDemoClinic } from "./seed/demo-clinic";
