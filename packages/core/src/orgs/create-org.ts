import { randomBytes } from "node:crypto";
import type { z } from "zod";
import { createClinicInput } from "../clinics/schemas";
import type { Prisma, RootDb } from "../db";

const slugify = (name: string) =>
  name
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")
    .slice(0, 40) || "clinic";

/** A new clinic owned by `userId` (platform level: the org does not exist yet to scope by). */
export async function createOrgFor(
  tx: Prisma.TransactionClient,
  userId: string,
  input: z.input<typeof createClinicInput>,
  ip: string | null,
) {
  const { name, timezone } = createClinicInput.parse(input);
  const org = await tx.organization.create({
    data: { name, timezone, slug: `${slugify(name)}-${randomBytes(3).toString("hex")}` },
  });
  await tx.membership.create({ data: { orgId: org.id, userId, role: "owner" } });
  await tx.auditLog.create({
    data: {
      orgId: org.id,
      actorType: "user",
      actorUserId: userId,
      action: "clinic.create",
      targetType: "organization",
      targetId: org.id,
      ip,
    },
  });
  return org;
}

export const createOrg = (root: RootDb, userId: string, input: z.input<typeof createClinicInput>, ip: string | null) =>
  root.$transaction((tx) => createOrgFor(tx, userId, input, ip));
