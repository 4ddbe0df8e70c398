import type { z } from "zod";
import { proveAddress } from "../accounts/prove-address";
import { hashPassword } from "../auth/password";
import type { RootDb } from "../db";
import { AppError } from "../errors";
import { enforce, limits } from "../rate-limit";
import { claimInvitation } from "./claim-invitation";
import { signUpWithInvitationInput } from "./schemas";

/**
 * A new account for an invited address, joining the clinic in the same transaction. The link
 * went only to that inbox, so it confirms the address: an unconfirmed account someone else
 * made with it is taken over (`proveAddress`: their password and sessions end). Hashing is
 * costly, so attempts are counted per address before it.
 */
export async function signUpWithInvitation(
  root: RootDb,
  input: z.input<typeof signUpWithInvitationInput>,
  meta: { ip: string | null },
) {
  const { token, name, password } = signUpWithInvitationInput.parse(input);
  await enforce(
    root,
    `hash:ip:${meta.ip ?? "unknown"}`,
    limits.passwordHashPerIp,
    "password attempts from this network",
  );
  const passwordHash = await hashPassword(password);
  const select = { id: true, email: true, emailVerifiedAt: true } as const;
  return claimInvitation(root, token, meta.ip, async (tx, email) => {
    const existing = await tx.user.findUnique({ where: { email }, select: { id: true } });
    if (!existing) {
      return tx.user.create({ data: { email, name, passwordHash, emailVerifiedAt: new Date() }, select });
    }
    if (!(await proveAddress(tx, existing.id, { passwordHash, name }))) {
      throw new AppError("CONFLICT", `${email} already has an account; sign in to accept the invitation`);
    }
    return tx.user.findUniqueOrThrow({ where: { id: existing.id }, select });
  });
}
