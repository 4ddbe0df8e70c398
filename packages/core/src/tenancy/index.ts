export {
  clinicProof,
  createTenantClients,
  ensureTenantLogin,
  scopeArgs,
  TENANT_ROLE,
  type TenantClients,
  type TenantDb,
  type TenantTransaction,
  tenantDatabaseUrl,
  tenantModels,
} from "./for-tenant";
export { assertCan, can, keyCan, type Permission, permissionMatrixMarkdown, permissions } from "./permissions";
