// getClinicInfo: what callers ask about the clinic itself.
import { hoursInWords } from "../speech";
import type { ToolAnswer, ToolContext } from "./context";

export async function getClinicInfo(ctx: ToolContext): Promise<ToolAnswer> {
  const { clinic, hours, types } = ctx.line;
  const openingHours = hoursInWords(hours);
  return {
    name: clinic.name,
    openingHours,
    address: clinic.address,
    phone: clinic.phone,
    appointmentTypes: types.map((t) => ({ name: t.name, minutes: t.durationMinutes })),
    say: `${clinic.name} is open ${openingHours}.${clinic.address ? ` The address is ${clinic.address}.` : ""}`,
  };
}
