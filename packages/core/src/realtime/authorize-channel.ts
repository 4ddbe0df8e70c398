import type { RequestActor } from "../audit";
import { resolveClinicAccess } from "../clinics/resolve-clinic-access";
import type { RootDb } from "../db";
import { AppError } from "../errors";
import { clinicOfChannel } from "./schemas";

const SOCKET_ID = /^\d{1,20}\.\d{1,20}$/;

/**
 * Whether this actor may listen on a realtime channel: only a signed-in member, only their own
 * clinic's `private-clinic-<id>`, only while the clinic is active. API keys get no channel; they
 * read through the procedures. Every refusal is FORBIDDEN, so a channel name reveals nothing.
 */
export async function authorizeRealtimeChannel(
  root: RootDb,
  actor: RequestActor | null,
  input: { socketId: string; channel: string },
): Promise<{ clinicId: string }> {
  if (!SOCKET_ID.test(input.socketId)) throw new AppError("BAD_REQUEST", "socket_id must look like 123.456");
  const clinicId = clinicOfChannel(input.channel);
  if (actor?.type !== "user" || !clinicId) {
    throw new AppError("FORBIDDEN", "only a signed-in member can listen to their own clinic's channel");
  }
  try {
    await resolveClinicAccess(root, actor, clinicId);
  } catch (error) {
    if (error instanceof AppError) throw new AppError("FORBIDDEN", "only a member can listen to this clinic's channel");
    throw error;
  }
  return { clinicId };
}
