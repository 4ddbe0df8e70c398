import type { z } from "zod";
import { type Origin, recordAudit } from "../audit";
import type { TenantDb } from "../tenancy";
import { bookingSourceOf } from "./booking-source";
import { holdInput } from "./schemas";
import { readAppointment } from "./select";
import { asSlotTaken, assertBookable, takeSlot } from "./slot-rules";

/** Holds a slot for the clinic's hold time (default 5 minutes) while a caller decides. */
export async function holdSlot(db: TenantDb, origin: Origin, raw: z.input<typeof holdInput>, now = new Date()) {
  const slot = holdInput.parse(raw);
  await assertBookable(db, slot, now);
  const { holdMinutes } = await db.clinic.findFirstOrThrow({ select: { holdMinutes: true } });
  try {
    return await db.$transaction(async (tx) => {
      const hold = await takeSlot(tx, db.clinicId, slot, now, {
        status: "held",
        holdExpiresAt: new Date(now.getTime() + holdMinutes * 60_000),
        source: bookingSourceOf(origin.actor),
      });
      await recordAudit(tx, origin, { action: "appointment.hold", targetType: "appointment", targetId: hold.id });
      return readAppointment(tx, db.clinicId, hold.id);
    });
  } catch (error) {
    throw await asSlotTaken(error, db, slot, now);
  }
}
