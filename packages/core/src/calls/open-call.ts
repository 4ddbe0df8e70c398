// The Call row a voice call's bookings and audit entries point at. Whichever of Frontdesk's
// answers comes first on a call (assistant-request, or a tool call when the number has a
// synced assistant) creates it; the worker fills in the rest from Vapi's reports. It sits on
// the caller's dead air, so it is plain SQL (`Sql`): one statement when the call is new, two when not.
import { Prisma, quickCommit, type Sql, uuidv7 } from "../db";

/** A root or tenant client (tenants are held by RLS), or a transaction of one. */
type CallsDb = { sql: Sql } | { $queryRaw<T>(query: Prisma.Sql): PromiseLike<T> };

/** The client's plain SQL, or a transaction's own `$queryRaw` (it must stay on the transaction's connection). */
const sqlOf = (db: CallsDb): Sql =>
  "sql" in db
    ? db.sql
    : async <T>(query: TemplateStringsArray | Prisma.Sql, ...values: unknown[]) =>
        db.$queryRaw<T[]>(query instanceof Prisma.Sql ? query : Prisma.sql(query, ...values));

export type OpenCallInput = {
  clinicId: string;
  vapiCallId: string;
  /** Our Assistant row's id (not Vapi's). */
  assistantId?: string | null;
  /** Our PhoneNumber row's id (not Vapi's). */
  phoneNumberId?: string | null;
  fromNumber?: string | null;
  toNumber?: string | null;
  status?: string;
  /** Inbound unless Frontdesk placed the call (a test call from the dashboard). */
  direction?: "inbound" | "outbound";
};

/**
 * The id of the clinic's Call for `vapiCallId`, created if this is the first we hear of it
 * (`INSERT … ON CONFLICT DO NOTHING`, so two answers racing on one call make one row). Null when
 * the Vapi call id already belongs to another clinic: that call is none of this clinic's business.
 */
export async function openCall(db: CallsDb, input: OpenCallInput): Promise<string | null> {
  const { clinicId, vapiCallId } = input;
  const sql = sqlOf(db);
  // On its own, a quick commit: Vapi's own reports recreate a call row lost to a database crash.
  // In a caller's transaction, the transaction decides.
  const commit = "sql" in db ? quickCommit : Prisma.sql`quick_commit AS (SELECT)`;
  const created = await sql<{ id: string }>`
    WITH ${commit}
    INSERT INTO calls (id, "clinicId", "vapiCallId", "assistantId", "phoneNumberId", "fromNumber", "toNumber",
                       status, direction, "updatedAt")
    SELECT ${uuidv7()}::uuid, ${clinicId}::uuid, ${vapiCallId}, ${input.assistantId ?? null}::uuid,
            ${input.phoneNumberId ?? null}::uuid, ${input.fromNumber ?? null}, ${input.toNumber ?? null},
            ${input.status ?? "in-progress"}, ${input.direction ?? "inbound"}::"CallDirection", now()
      FROM quick_commit
    ON CONFLICT ("vapiCallId") DO NOTHING
    RETURNING id::text`;
  if (created[0]) return created[0].id;
  // A separate statement, so it sees a row a concurrent answer committed while we waited on it.
  const existing = await sql<{ id: string }>`
    SELECT id::text FROM calls WHERE "vapiCallId" = ${vapiCallId} AND "clinicId" = ${clinicId}::uuid`;
  return existing[0]?.id ?? null;
}
