import type { z } from "zod";
import { hashPassword } from "../auth/password";
import type { RootDb } from "../db";
import type { Mailer } from "../email";
import { AppError } from "../errors";
import { enforce, limits } from "../rate-limit";
import { signUpInput } from "./schemas";
import { sendVerification } from "./send-verification";

/**
 * Creates an unconfirmed account and emails a link to confirm its address. The clinic is
 * created, with the person as owner, when they confirm (`verifyEmail`): anyone can type any
 * address here, so an unconfirmed account owns and joins nothing.
 */
export async function signUp(
  root: RootDb,
  input: z.input<typeof signUpInput>,
  mail: { mailer: Mailer; appUrl: string },
  meta: { ip: string | null },
) {
  const data = signUpInput.parse(input);
  await enforce(root, `signup:ip:${meta.ip ?? "unknown"}`, limits.signUpPerIp, "sign-ups from this network");
  if (await root.user.findUnique({ where: { email: data.email }, select: { id: true } })) {
    throw new AppError("CONFLICT", "an account with this email already exists; sign in or reset your password");
  }
  const passwordHash = await hashPassword(data.password);
  const user = await root.user.create({
    data: { email: data.email, name: data.name, passwordHash },
    select: { id: true, email: true },
  });
  // Outside a transaction (no connection held while mail is sent); if sending fails, the
  // person signs in and asks for a new link.
  await sendVerification(root, user, { clinicName: data.clinicName, clinicTimezone: data.timezone }, mail);
  return { userId: user.id };
}
