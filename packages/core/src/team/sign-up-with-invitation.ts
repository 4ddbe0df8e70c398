import type { z } from "zod";
import { hashPassword } from "../auth/password";
import type { RootDb } from "../db";
import { AppError } from "../errors";
import { claimInvitation } from "./claim-invitation";
import { signUpWithInvitationInput } from "./schemas";

/** A new account for an invited address, joining the clinic in the same transaction. */
export async function signUpWithInvitation(
  root: RootDb,
  input: z.input<typeof signUpWithInvitationInput>,
  meta: { ip: string | null },
) {
  const { token, name, password } = signUpWithInvitationInput.parse(input);
  const passwordHash = await hashPassword(password);
  return claimInvitation(root, token, meta.ip, async (tx, email) => {
    if (await tx.user.findUnique({ where: { email }, select: { id: true } })) {
      throw new AppError("CONFLICT", `${email} already has an account; sign in to accept the invitation`);
    }
    return tx.user.create({ data: { email, name, passwordHash }, select: { id: true, email: true } });
  });
}
