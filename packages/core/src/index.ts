export {
  authenticateWithPassword,
  checkSession,
  type GoogleProfile,
  getAccount,
  requestPasswordReset,
  resendVerification,
  resetPassword,
  SESSION_LIFETIME_MS,
  type SessionClaims,
  sessionClaims,
  signInWithGoogle,
  signOutEverywhere,
  signUp,
  verifyEmail,
} from "./accounts";
export { authenticateApiKey, createApiKey, listApiKeys, revokeApiKey } from "./api-keys";
export {
  type Actor,
  type AuditEntry,
  type ClinicOrigin,
  listAudit,
  type Origin,
  type RequestActor,
  recordAudit,
  type UserActor,
} from "./audit";
export { hashPassword, verifyPassword } from "./auth/password";
export {
  createClinic,
  deleteClinic,
  getClinic,
  getClinicOverview,
  listMyClinics,
  resolveClinicAccess,
  updateClinic,
} from "./clinics";
export { listCredentials, readTwilioCredentials, removeCredential, setTwilioCredentials } from "./credentials";
export { createMailer, type Email, type Mailer } from "./email";
export { AppError, type AppErrorCode, appErrorCodes, isTransient } from "./errors";
export { checkHealth } from "./health";
export { pruneExpiredIdempotencyKeys } from "./idempotency/prune-expired-keys";
export {
  countCalls,
  enforce,
  hit,
  hitAll,
  type Limit,
  limits,
  paces,
  pruneExpiredRateLimits,
  rateLimited,
} from "./rate-limit";
export { demoLogin, seedDemoClinic } from "./seed/demo-clinic";
export {
  acceptInvitation,
  changeRole,
  describeInvitation,
  inviteMember,
  leaveClinic,
  listInvitations,
  listMembers,
  removeMember,
  revokeInvitation,
  signUpWithInvitation,
} from "./team";
