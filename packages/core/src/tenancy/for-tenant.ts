// The tenant-scoped Prisma client: the only database handle procedures and job handlers get.
// Two walls in one object:
//  - every model operation has the clinic added to its filter (reads, updates, deletes, counts)
//    or to its data (creates), so a forgotten `where: { clinicId }` cannot leak or touch another
//    clinic's rows;
//  - every statement runs on a connection set to the `frontdesk_app` role with `app.clinic_id` set
//    to the clinic, so PostgreSQL's row-level security (see the tenancy_rls migration) filters
//    even raw SQL.
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { adapterOptions, type Prisma, PrismaClient, type RootDb } from "../db";
import { AppError } from "../errors";

/** Models that carry `clinicId`. A new tenant model must be added here (a test enforces it). */
export const tenantModels = [
  "Membership",
  "Invitation",
  "ApiKey",
  "Credential",
  "Assistant",
  "AssistantTool",
  "PhoneNumber",
  "Call",
  "CallStat",
  "WebhookInboxEvent",
  "Provider",
  "AppointmentType",
  "ProviderAppointmentType",
  "WorkingHours",
  "ScheduleOverride",
  "Patient",
  "Appointment",
  "SmsMessage",
  "SmsOptOut",
  "IdempotencyKey",
  "AuditLog",
] as const satisfies readonly Prisma.ModelName[];

/** Platform data tenants may read but never write. */
const sharedReadModels = new Set<string>(["Tool"]);
const readOperations = new Set([
  "findUnique",
  "findUniqueOrThrow",
  "findFirst",
  "findFirstOrThrow",
  "findMany",
  "count",
  "aggregate",
  "groupBy",
]);
const whereOperations = new Set([
  ...readOperations,
  "update",
  "updateMany",
  "updateManyAndReturn",
  "delete",
  "deleteMany",
  "upsert",
]);

const tenantModelSet = new Set<string>(tenantModels);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type Args = Record<string, unknown> & {
  where?: Record<string, unknown>;
  data?: unknown;
  create?: object;
  update?: object;
};

const toArray = (value: unknown) => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

/** Written data may name no clinic but this one (another clinic's is "not found", like its rows). */
function refuseOtherClinic(data: unknown, clinicId: string, model: string) {
  const row = (data ?? {}) as Record<string, unknown>;
  if ("clinic" in row)
    throw new AppError("INTERNAL", `${model}: set the clinic through the tenant client, not clinic.connect`);
  if (row.clinicId !== undefined && row.clinicId !== clinicId) throw new AppError("NOT_FOUND", "not found");
  return row;
}

const withClinic = (data: unknown, clinicId: string, model: string) => ({
  ...refuseOtherClinic(data, clinicId, model),
  clinicId,
});

/** The arguments of one Prisma operation, confined to `clinicId`. Exported for tests. */
export function scopeArgs(model: string, operation: string, args: Args | undefined, clinicId: string): Args {
  const a: Args = { ...(args ?? {}) };
  if (model === "Clinic") {
    if (!whereOperations.has(operation) || operation === "upsert" || operation.startsWith("delete")) {
      throw new AppError("FORBIDDEN", "clinics are created and deleted through their own procedures");
    }
    a.where = { ...a.where, id: clinicId };
    return a;
  }
  if (sharedReadModels.has(model)) {
    if (!readOperations.has(operation)) throw new AppError("FORBIDDEN", `${model} is read-only for clinics`);
    return a;
  }
  if (!tenantModelSet.has(model)) {
    throw new AppError("INTERNAL", `${model} is not clinic data; use a platform function for it`);
  }
  // ANDed, not overwritten: a caller asking for another clinic's clinicId gets nothing, not ours.
  if (whereOperations.has(operation)) a.where = { ...a.where, AND: [...toArray(a.where?.AND), { clinicId }] };
  switch (operation) {
    case "create":
      a.data = withClinic(a.data, clinicId, model);
      break;
    case "createMany":
    case "createManyAndReturn":
      a.data = (Array.isArray(a.data) ? a.data : [a.data]).map((row) => withClinic(row, clinicId, model));
      break;
    case "upsert":
      a.create = withClinic(a.create, clinicId, model);
      refuseOtherClinic(a.update, clinicId, model);
      break;
    case "update":
    case "updateMany":
    case "updateManyAndReturn":
      refuseOtherClinic(a.data, clinicId, model);
      break;
  }
  return a;
}

function argScoping(client: RootDb, clinicId: string) {
  return client.$extends({
    name: "tenant",
    query: {
      $allModels: {
        $allOperations({ model, operation, args, query }) {
          return query(scopeArgs(model, operation, args as Args, clinicId) as typeof args);
        },
      },
    },
  });
}

export type TenantDb = ReturnType<typeof argScoping> & { readonly clinicId: string };
export type TenantTransaction = Parameters<Parameters<TenantDb["$transaction"]>[0]>[0];

// Which clinic each pooled connection is currently set to. Connections of the tenant pool
// always run as frontdesk_app with some clinic set; a query for another clinic first re-points the
// connection (one round trip, only when the clinic changes), so no statement can run with a
// stale or missing tenant.
const connectionClinic = new WeakMap<pg.PoolClient, string>();

const actsAsApp = new WeakSet<pg.PoolClient>();

async function pointAt(client: pg.PoolClient, clinicId: string) {
  if (connectionClinic.get(client) === clinicId) return;
  connectionClinic.delete(client);
  // A connection's first use also makes it the application role, for the rest of its life.
  const role = actsAsApp.has(client) ? "" : "SET ROLE frontdesk_app; ";
  // A simple query (no parse/bind step); clinicId was checked to be a UUID, so inlining is safe.
  await client.query(`${role}SELECT set_config('app.clinic_id', '${clinicId}', false)`);
  actsAsApp.add(client);
  connectionClinic.set(client, clinicId);
}

/**
 * One clinic's view of the shared tenant pool, in the shape the pg driver adapter expects: every
 * connection it hands out is pointed at the clinic first. Ending it ends nothing: the pool is shared.
 */
class ClinicPool extends pg.Pool {
  constructor(
    private readonly shared: pg.Pool,
    private readonly clinicId: string,
  ) {
    super({ max: 1 });
  }

  override async connect(): Promise<pg.PoolClient> {
    const client = await this.shared.connect();
    if (connectionClinic.get(client) === this.clinicId) return client; // the common case: no round trip
    try {
      await pointAt(client, this.clinicId);
    } catch (error) {
      client.release(error as Error);
      throw error;
    }
    return client;
  }

  // pg declares a dozen overloads; the driver adapter only calls query(config) and awaits it.
  // @ts-expect-error narrower than pg.Pool#query on purpose
  override async query(config: pg.QueryConfig) {
    const client = await this.connect();
    try {
      return await client.query(config);
    } finally {
      client.release();
    }
  }

  override async end() {}
}

export type TenantClients = {
  /** The clinic's scoped client (cached; cheap to call per request). */
  forTenant(clinicId: string): TenantDb;
  close(): Promise<void>;
};

/**
 * Scoped clients over one shared connection pool that is used for tenant work only. Each clinic
 * gets its own Prisma client (kept in a small LRU cache) so the clinic is a property of the
 * client, never of an ambient context.
 */
export function createTenantClients(
  databaseUrl: string,
  options: { max?: number; cacheSize?: number; connectionTimeoutMillis?: number } = {},
): TenantClients {
  const shared = new pg.Pool({
    connectionString: databaseUrl,
    max: options.max ?? 10,
    connectionTimeoutMillis: options.connectionTimeoutMillis ?? 5_000,
    application_name: "frontdesk-tenant",
  });
  // An idle connection dropped by the server (restart, failover) is replaced on next use; it
  // must not take the process down.
  shared.on("error", (error) => console.error(`tenant pool: idle connection lost (${error.message})`));
  const cacheSize = options.cacheSize ?? 256;
  const cache = new Map<string, TenantDb>();

  return {
    forTenant(clinicId) {
      if (!UUID.test(clinicId)) throw new AppError("NOT_FOUND", "not found");
      const hit = cache.get(clinicId);
      if (hit) {
        cache.delete(clinicId); // most recently used goes last
        cache.set(clinicId, hit);
        return hit;
      }
      const client = new PrismaClient({
        adapter: new PrismaPg(new ClinicPool(shared, clinicId) as unknown as pg.Pool, adapterOptions),
      });
      const scoped = Object.assign(argScoping(client, clinicId), { clinicId }) as TenantDb;
      cache.set(clinicId, scoped);
      if (cache.size > cacheSize) {
        const [oldest, evicted] = cache.entries().next().value as [string, TenantDb];
        cache.delete(oldest);
        void evicted.$disconnect();
      }
      return scoped;
    },
    async close() {
      await Promise.all([...cache.values()].map((c) => c.$disconnect()));
      cache.clear();
      await shared.end();
    },
  };
}
