// The one way clinic data changes reach the dashboards: a use case emits its live events while
// it writes, and they are published only once its transaction has committed (a change written
// in one statement publishes once that statement returned). A write that rolls
// back (a lost booking race, a refusal) throws out of `$transaction` before the publish line,
// so it can never announce anything. Publishing only queues (see realtime.ts): it cannot fail
// or slow the write.
import { committedPublisher, type TenantDb, type TenantTransaction } from "../tenancy/for-tenant";
import type { LiveEvent } from "./schemas";

export type Emit = (...events: LiveEvent[]) => void;

export async function transact<T>(db: TenantDb, work: (tx: TenantTransaction, emit: Emit) => Promise<T>): Promise<T> {
  let events: LiveEvent[] = [];
  const result = await db.$transaction(async (tx) => {
    events = []; // only what the attempt that committed emitted
    return work(tx, (...more) => events.push(...more));
  });
  publishCommitted(db, ...events);
  return result;
}

/** The events of a change written in one statement, which committed when it returned. */
export function publishCommitted(db: TenantDb, ...events: LiveEvent[]) {
  if (events.length > 0) committedPublisher.get(db)?.(db.clinicId, events);
}
