export { authenticateWithPassword } from "./accounts/authenticate";
export { requestPasswordReset, resetPassword } from "./accounts/password-reset";
export { signUp } from "./accounts/sign-up";
export {
  apiKeySelect,
  authenticateApiKey,
  createApiKey,
  listApiKeys,
  revokeApiKey,
} from "./api-keys";
export {
  type Actor,
  type AuditEntry,
  listAudit,
  type Origin,
  type RequestActor,
  recordAudit,
} from "./audit";
export { hashPassword, verifyPassword } from "./auth/password";
export { createMailer, type Email, type Mailer } from "./email";
export { AppError, type AppErrorCode, appErrorCodes, isTransient } from "./errors";
export { checkHealth } from "./health";
export { pruneExpiredIdempotencyKeys } from "./idempotency/prune-expired-keys";
export { listMyOrgs, resolveOrgAccess } from "./orgs/access";
export { clinicSelect, deleteClinic, getClinic, updateClinic } from "./orgs/clinic-profile";
export { createOrg } from "./orgs/create-org";
export { enforce, hit, limits, pruneExpiredRateLimits } from "./rate-limit";
export { demoLogin, seedDemoClinic } from "./seed/demo-clinic";
export {
  acceptInvitation,
  changeRole,
  describeInvitation,
  invitationSelect,
  inviteMember,
  leaveClinic,
  listInvitations,
  listMembers,
  memberSelect,
  removeMember,
  revokeInvitation,
  signUpWithInvitation,
} from "./team";
