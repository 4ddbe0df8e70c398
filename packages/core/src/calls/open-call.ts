// The Call row a voice call's bookings and audit entries point at. Whichever of Frontdesk's
// answers comes first on a call (assistant-request, or a tool call when the number has a
// synced assistant) creates it; the worker fills in the rest from Vapi's reports.
import type { Prisma } from "../db";

/** A root client, a tenant client or a transaction of either: anything with the `call` model. */
type CallsDb = {
  call: {
    createManyAndReturn(args: {
      data: Prisma.CallCreateManyInput[];
      skipDuplicates: boolean;
      select: { id: true; clinicId: true };
    }): PromiseLike<{ id: string; clinicId: string }[]>;
    findFirst(args: {
      where: { vapiCallId: string; clinicId: string };
      select: { id: true };
    }): PromiseLike<{ id: string } | null>;
  };
};

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
  const created = await db.call.createManyAndReturn({
    data: [
      {
        clinicId,
        vapiCallId,
        assistantId: input.assistantId ?? null,
        phoneNumberId: input.phoneNumberId ?? null,
        fromNumber: input.fromNumber ?? null,
        toNumber: input.toNumber ?? null,
        status: input.status ?? "in-progress",
        direction: input.direction ?? "inbound",
      },
    ],
    skipDuplicates: true,
    select: { id: true, clinicId: true },
  });
  if (created[0]) return created[0].id;
  const existing = await db.call.findFirst({ where: { vapiCallId, clinicId }, select: { id: true } });
  return existing?.id ?? null;
}
