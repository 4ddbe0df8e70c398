export { listAudit } from "./list-audit";
export {
  type Actor,
  type AuditEntry,
  auditInsert,
  type ClinicOrigin,
  type Origin,
  type RequestActor,
  recordAudit,
  recordPlatformAudit,
  type UserActor,
} from "./record-audit";
