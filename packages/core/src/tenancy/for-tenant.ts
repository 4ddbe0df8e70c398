// The tenant-scoped Prisma client: the only database handle procedures and job handlers get.
// Two walls in one object:
//  - every model operation has the clinic added to its filter (reads, updates, deletes, counts)
//    or to its data (creates), so a forgotten `where: { clinicId }` cannot leak or touch another
//    clinic's rows;
//  - every statement runs on a connection logged in as `frontdesk_tenant` (which cannot become
//    the owner of the tables) with `app.clinic_id` set to the clinic next to its proof, so
//    PostgreSQL's row-level security (migrations tenancy_rls, tenant_login_role) filters even
//    raw SQL, and raw SQL cannot point the connection at another clinic.
import { createHmac } from "node:crypto";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { adapterOptions, type Prisma, PrismaClient, type Sql, serializeQueries, sqlOver } from "../db";
import { AppError } from "../errors";

/** Models that carry `clinicId`. A new tenant model must be added here (a test enforces it). */
export const tenantModels = [
  "Membership",
  "Invitation",
  "ApiKey",
  "Credential",
  "Assistant",
  "AssistantTool",
  "ClinicTool",
  "PhoneNumber",
  "Call",
  "CallStat",
  "CallHourStat",
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

function argScoping(client: PrismaClient, clinicId: string) {
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

export type TenantDb = ReturnType<typeof argScoping> & {
  readonly clinicId: string;
  /** Plain SQL for the voice hot paths (see `Sql`), on the same clinic-pointed connections. */
  readonly sql: Sql;
};

/** Where a clinic's live events go once the transaction that made them has committed. */
export type PublishCommitted = (clinicId: string, events: { name: string; data: Record<string, unknown> }[]) => void;

/**
 * A tenant client's publisher, kept off its public face: only `transact` (realtime/transact.ts)
 * reads it, after its transaction resolved, so an event can never leave for a rolled-back write.
 */
export const committedPublisher = new WeakMap<TenantDb, PublishCommitted>();
export type TenantTransaction = Parameters<Parameters<TenantDb["$transaction"]>[0]>[0];

// Which clinic each pooled connection is currently set to. A query for another clinic first
// re-points the connection (one round trip, only when the clinic changes), so no statement can
// run with a stale or missing tenant.
const connectionClinic = new WeakMap<pg.PoolClient, string>();

/** The login role of the tenant pool (created by the tenant_login_role migration). */
export const TENANT_ROLE = "frontdesk_tenant";

/**
 * Where the tenant pool logs in, derived from the owner's URL: same server and database, user
 * frontdesk_tenant, and a password derived from the owner's (set by `ensureTenantLogin` when
 * migrating), so no second secret has to be configured.
 */
export function tenantDatabaseUrl(ownerUrl: string) {
  const url = new URL(ownerUrl);
  url.username = TENANT_ROLE;
  if (url.password) url.password = tenantPassword(decodeURIComponent(url.password));
  return url.toString();
}

const tenantPassword = (ownerPassword: string) => createHmac("sha256", ownerPassword).update(TENANT_ROLE).digest("hex");

/** Gives frontdesk_tenant the password `tenantDatabaseUrl` uses, if it cannot log in yet. */
export async function ensureTenantLogin(ownerUrl: string) {
  const probe = new pg.Client({ connectionString: tenantDatabaseUrl(ownerUrl) });
  try {
    await probe.connect();
    return;
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code !== "28P01" && code !== "28000") throw error; // anything but "wrong password"
  } finally {
    await probe.end().catch(() => {});
  }
  const password = new URL(ownerUrl).password;
  if (!password) return;
  const owner = new pg.Client({ connectionString: ownerUrl });
  await owner.connect();
  try {
    await owner.query(
      `ALTER ROLE ${TENANT_ROLE} PASSWORD ${owner.escapeLiteral(tenantPassword(decodeURIComponent(password)))}`,
    );
  } finally {
    await owner.end();
  }
}

/** The key the database checks clinic proofs with; only the owner can read it. */
async function readClinicKey(ownerUrl: string) {
  const owner = new pg.Client({ connectionString: ownerUrl, application_name: "frontdesk-tenant-key" });
  owner.on("error", () => {}); // a dropped connection fails the query below; it must not crash the process
  await owner.connect();
  try {
    const { rows } = await owner.query<{ key: Buffer }>("SELECT key FROM tenancy_private.clinic_key");
    if (!rows[0]) throw new Error("tenancy_private.clinic_key is empty; run the migrations");
    return rows[0].key;
  } finally {
    await owner.end();
  }
}

/** What `current_clinic_id()` accepts next to `app.clinic_id` (HMAC-SHA256, hex). */
export const clinicProof = (key: Buffer, clinicId: string) => createHmac("sha256", key).update(clinicId).digest("hex");

async function pointAt(client: pg.PoolClient, clinicId: string, key: Buffer) {
  if (connectionClinic.get(client) === clinicId) return;
  connectionClinic.delete(client);
  // Bound parameters, never inlined: other sessions of this role can read pg_stat_activity's
  // query text, and must not find another clinic's proof there.
  await client.query({
    text: "SELECT set_config('app.clinic_id', $1, false), set_config('app.clinic_proof', $2, false)",
    values: [clinicId, clinicProof(key, clinicId)],
  });
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
    private readonly key: () => Promise<Buffer>,
  ) {
    super({ max: 1 });
  }

  override async connect(): Promise<pg.PoolClient> {
    const client = serializeQueries(await this.shared.connect());
    if (connectionClinic.get(client) === this.clinicId) return client; // the common case: no round trip
    try {
      await pointAt(client, this.clinicId, await this.key());
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
  options: {
    max?: number;
    cacheSize?: number;
    /** How long a request may wait for a free connection (or a new one) before it fails. */
    connectionTimeoutMillis?: number;
    /** How long one statement may run; the pool is shared by every clinic. */
    statementTimeoutMillis?: number;
    tenantUrl?: string;
    /** Live updates (the process's realtime publisher); none when unset. */
    publish?: PublishCommitted;
  } = {},
): TenantClients {
  const statementTimeout = options.statementTimeoutMillis ?? 10_000;
  const shared = new pg.Pool({
    connectionString: options.tenantUrl ?? tenantDatabaseUrl(databaseUrl),
    max: options.max ?? 10,
    connectionTimeoutMillis: options.connectionTimeoutMillis ?? 5_000,
    // Server-side limits, so one clinic's heavy query or forgotten transaction cannot hold a
    // connection of the shared pool: PostgreSQL cancels the statement (the connection stays
    // usable) or ends the idle transaction.
    statement_timeout: statementTimeout,
    idle_in_transaction_session_timeout: Math.max(statementTimeout, 30_000),
    application_name: "frontdesk-tenant",
  });
  let keyPromise: Promise<Buffer> | undefined;
  const key = () => {
    keyPromise ??= readClinicKey(databaseUrl).catch((error) => {
      keyPromise = undefined; // a database blip at start-up must not poison every later request
      throw error;
    });
    return keyPromise;
  };
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
      const pool = new ClinicPool(shared, clinicId, key);
      const client = new PrismaClient({ adapter: new PrismaPg(pool as unknown as pg.Pool, adapterOptions) });
      const scoped = Object.assign(argScoping(client, clinicId), { clinicId, sql: sqlOver(pool) }) as TenantDb;
      if (options.publish) committedPublisher.set(scoped, options.publish);
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
