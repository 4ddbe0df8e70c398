// Handing a caller to a person: the assistant's transfer number (or the clinic's front-desk
// line) while the clinic is open; otherwise the agent takes a message. The same decision
// answers the transferToHuman tool and Vapi's `transfer-destination-request`.
import type { VoiceDeps } from "./deps";
import { type Line, resolveLine } from "./resolve-line";
import type { VapiMessage } from "./schemas";
import { isOpenAt } from "./speech";

export type TransferDecision = { transfer: true; number: string; say: string } | { transfer: false; say: string };

export function transferDecision(line: Line, now: Date): TransferDecision {
  const number = line.assistant?.transferNumber ?? line.clinic.phone;
  if (!number) {
    return {
      transfer: false,
      say: "Nobody can take the call directly. Offer to take a message: the caller's name, number and what it is about, and say the clinic will call back.",
    };
  }
  if (!isOpenAt(line.hours, line.closedToday, line.clinic.timezone, now)) {
    return {
      transfer: false,
      say: "The front desk is closed right now. Offer to take a message: the caller's name, number and what it is about, and say the clinic will call back when it opens.",
    };
  }
  return { transfer: true, number, say: "Let me connect you with someone at the front desk now." };
}

/** `transfer-destination-request`: where the transfer Vapi is about to make goes. */
export async function answerTransferDestination(deps: VoiceDeps, message: VapiMessage) {
  const line = await resolveLine(deps.rootDb, message);
  if (!line?.inService) return { error: "This line is not in service." };
  const decision = transferDecision(line, deps.now?.() ?? new Date());
  if (!decision.transfer) return { error: decision.say };
  return {
    destination: { type: "number", number: decision.number },
    message: { type: "request-start", content: decision.say },
  };
}
