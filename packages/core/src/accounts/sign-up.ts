import type { z } from "zod";
import { hashPassword } from "../auth/password";
import { createClinicIn } from "../clinics/create-clinic";
import type { RootDb } from "../db";
import { AppError } from "../errors";
import { enforce, limits } from "../rate-limit";
import { signUpInput } from "./schemas";

/** Creates the account and its first clinic, with the new user as owner. */
export async function signUp(root: RootDb, input: z.input<typeof signUpInput>, meta: { ip: string | null }) {
  const data = signUpInput.parse(input);
  await enforce(root, `signup:ip:${meta.ip ?? "unknown"}`, limits.signUpPerIp, "sign-ups from this network");
  if (await root.user.findUnique({ where: { email: data.email }, select: { id: true } })) {
    throw new AppError("CONFLICT", "an account with this email already exists; sign in or reset your password");
  }
  const passwordHash = await hashPassword(data.password);
  return root.$transaction(async (tx) => {
    const user = await tx.user.create({ data: { email: data.email, name: data.name, passwordHash } });
    const origin = { actor: { type: "user", userId: user.id } as const, ip: meta.ip };
    const clinic = await createClinicIn(tx, origin, { name: data.clinicName, timezone: data.timezone });
    return { userId: user.id, clinicId: clinic.id };
  });
}
