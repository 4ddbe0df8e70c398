import type { z } from "zod";
import { type Origin, recordAudit } from "../audit";
import { AppError } from "../errors";
import type { TenantDb } from "../tenancy";
import { removeCredentialInput } from "./schemas";

export async function removeCredential(db: TenantDb, origin: Origin, input: z.input<typeof removeCredentialInput>) {
  const { credentialId } = removeCredentialInput.parse(input);
  await db.$transaction(async (tx) => {
    const { count } = await tx.credential.deleteMany({ where: { id: credentialId } });
    if (count === 0) throw new AppError("NOT_FOUND", "credential not found");
    await recordAudit(tx, origin, { action: "credentials.remove", targetType: "credential", targetId: credentialId });
  });
}
