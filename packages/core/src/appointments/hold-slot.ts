import type { z } from "zod";
import { type Origin, recordAudit } from "../audit";
import type { TenantDb } from "../tenancy";
import { bookingSourceOf } from "./booking-source";
import { holdInput } from "./schemas";
import { appointmentSelect } from "./select";
import { asSlotTaken, assertBookable, blockFor, releaseExpiredHolds } from "./slot-rules";

/** Holds a slot for the clinic's hold time (default 5 minutes) while a caller decides. */
export async function holdSlot(db: TenantDb, origin: Origin, raw: z.input<typeof holdInput>, now = new Date()) {
  const slot = holdInput.parse(raw);
  await assertBookable(db, slot, now);
  const { holdMinutes } = await db.clinic.findFirstOrThrow({ select: { holdMinutes: true } });
  try {
    return await db.$transaction(async (tx) => {
      const block = await blockFor(tx, slot);
      await releaseExpiredHolds(tx, slot.providerId, block, now);
      const hold = await tx.appointment.create({
        data: {
          clinicId: db.clinicId,
          providerId: slot.providerId,
          appointmentTypeId: slot.appointmentTypeId,
          status: "held",
          ...block,
          holdExpiresAt: new Date(now.getTime() + holdMinutes * 60_000),
          source: bookingSourceOf(origin.actor),
        },
        select: appointmentSelect,
      });
      await recordAudit(tx, origin, { action: "appointment.hold", targetType: "appointment", targetId: hold.id });
      return hold;
    });
  } catch (error) {
    throw await asSlotTaken(error, db, slot, now);
  }
}
