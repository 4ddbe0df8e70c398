import type { z } from "zod";
import type { Origin, UserActor } from "../audit";
import type { RootDb } from "../db";
import { claimInvitation } from "./claim-invitation";
import { invitationTokenInput } from "./schemas";

/** A signed-in person joins the clinic that invited their (confirmed) address. */
export async function acceptInvitation(
  root: RootDb,
  origin: Origin<UserActor>,
  input: z.input<typeof invitationTokenInput>,
) {
  const { token } = invitationTokenInput.parse(input);
  const user = await root.user.findUniqueOrThrow({
    where: { id: origin.actor.userId },
    select: { id: true, email: true, emailVerifiedAt: true },
  });
  return claimInvitation(root, token, origin.ip, async () => user);
}
