import type { z } from "zod";
import { type Origin, recordAudit } from "../audit";
import { AppError } from "../errors";
import type { TenantDb } from "../tenancy";
import type { Turn } from "./call-facts";
import { callIdInput } from "./schemas";
import { callRowSelect, withCost } from "./select";

/**
 * One call with its transcript, recording and what was booked on it. The transcript is PHI, so
 * reading it is audited like a change, in the same transaction as the read.
 */
export async function getCall(db: TenantDb, origin: Origin, raw: z.input<typeof callIdInput>) {
  const { callId } = callIdInput.parse(raw);
  return db.$transaction(async (tx) => {
    const call = await tx.call.findUnique({
      where: { id: callId },
      select: {
        ...callRowSelect,
        transcript: true,
        messages: true,
        recordingUrl: true,
        stereoRecordingUrl: true,
        structuredData: true,
        successEvaluation: true,
        costBreakdown: true,
        transferredAt: true,
        appointments: {
          select: {
            id: true,
            status: true,
            startsAt: true,
            endsAt: true,
            rescheduledFromId: true,
            provider: { select: { id: true, name: true } },
            appointmentType: { select: { id: true, name: true } },
          },
          orderBy: { createdAt: "asc" },
        },
      },
    });
    if (!call) throw new AppError("NOT_FOUND", "call not found");
    await recordAudit(tx, origin, { action: "call.view", targetType: "call", targetId: callId });
    return {
      ...withCost(call),
      messages: (call.messages as Turn[] | null) ?? [],
      structuredData: (call.structuredData as Record<string, unknown> | null) ?? null,
    };
  });
}
