import { randomBytes } from "node:crypto";
import type { z } from "zod";
import { assertVerified } from "../accounts/verified";
import { type Origin, recordPlatformAudit, type UserActor } from "../audit";
import type { Prisma, RootDb } from "../db";
import { enforce, limits } from "../rate-limit";
import { createClinicInput } from "./schemas";

const slugify = (name: string) =>
  name
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")
    .slice(0, 40) || "clinic";

/**
 * A new clinic owned by the acting person, inside the caller's transaction (confirming the
 * address after sign-up creates the sign-up's clinic in the same one). Only a confirmed
 * address may own a clinic. Platform level: the clinic does not exist yet to scope by.
 */
export async function createClinicIn(
  tx: Prisma.TransactionClient,
  origin: Origin<UserActor>,
  input: z.input<typeof createClinicInput>,
) {
  const { name, timezone } = createClinicInput.parse(input);
  await assertVerified(tx, origin.actor.userId);
  const clinic = await tx.clinic.create({
    data: { name, timezone, slug: `${slugify(name)}-${randomBytes(3).toString("hex")}` },
  });
  await tx.membership.create({ data: { clinicId: clinic.id, userId: origin.actor.userId, role: "owner" } });
  await recordPlatformAudit(tx, clinic.id, origin, {
    action: "clinic.create",
    targetType: "clinic",
    targetId: clinic.id,
  });
  return clinic;
}

/** Another clinic for a signed-in person, who becomes its owner; a few a day at most. */
export async function createClinic(root: RootDb, origin: Origin<UserActor>, input: z.input<typeof createClinicInput>) {
  createClinicInput.parse(input);
  await enforce(root, `clinics:user:${origin.actor.userId}`, limits.clinicsCreatedPerUser, "new clinics today");
  const clinic = await root.$transaction((tx) => createClinicIn(tx, origin, input));
  return { id: clinic.id, name: clinic.name };
}
