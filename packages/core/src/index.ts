export { authenticateWithPassword } from "./accounts/authenticate";
export { requestPasswordReset, resetPassword, resetPasswordInput } from "./accounts/password-reset";
export { signUp, signUpInput } from "./accounts/sign-up";
export {
  apiKeySelect,
  authenticateApiKey,
  createApiKey,
  createApiKeyInput,
  listApiKeys,
  revokeApiKey,
} from "./api-keys";
export {
  type Actor,
  type AuditEntry,
  auditRow,
  listAudit,
  listAuditInput,
  type Origin,
  type RequestActor,
  recordAudit,
} from "./audit";
export { hashPassword, verifyPassword } from "./auth/password";
export { createMailer, type Email, type Mailer } from "./email";
export { AppError, type AppErrorCode, appErrorCodes, isTransient } from "./errors";
export { checkHealth, type Health } from "./health";
export { pruneExpiredIdempotencyKeys } from "./idempotency/prune-expired-keys";
export { listMyOrgs, resolveOrgAccess } from "./orgs/access";
export { clinicSelect, deleteClinic, getClinic, updateClinic, updateClinicInput } from "./orgs/clinic-profile";
export { createOrg, createOrgInput } from "./orgs/create-org";
export { enforce, hit, limits, pruneExpiredRateLimits } from "./rate-limit";
export { demoLogin, seedDemoClinic } from "./seed/demo-clinic";
export {
  acceptInvitation,
  changeRole,
  describeInvitation,
  invitationSelect,
  inviteInput,
  inviteMember,
  leaveClinic,
  listInvitations,
  listMembers,
  memberSelect,
  removeMember,
  revokeInvitation,
  roleSchema,
  signUpWithInvitation,
  signUpWithInvitationInput,
} from "./team";
