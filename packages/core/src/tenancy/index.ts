export {
  createTenantClients,
  scopeArgs,
  type TenantClients,
  type TenantDb,
  type TenantTransaction,
  tenantModels,
} from "./for-tenant";
export { assertCan, can, keyCan, type Permission, permissionMatrixMarkdown, permissions } from "./permissions";
