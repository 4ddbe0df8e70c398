// Keeping Vapi and Frontdesk in agreement about numbers. A number we serve that Vapi lost is
// imported again; a number in Vapi that points at our webhook but that no row knows is reported
// (an operator decides), never deleted: it may be a half-finished import a retry will adopt.
import { type Origin, recordAudit } from "../audit";
import { readTwilioCredentials } from "../credentials";
import type { RootDb } from "../db";
import { callbackUrls, type TelephonyDeps } from "./deps";
import { importIntoVapi, listVapiNumbers } from "./import-into-vapi";

const SYSTEM: Origin = { actor: { type: "system" }, ip: null };

export type NumberReconcileResult = { checked: number; reimported: number; failed: number; orphans: string[] };

export async function reconcilePhoneNumbers(deps: TelephonyDeps & { rootDb: RootDb }): Promise<NumberReconcileResult> {
  const result: NumberReconcileResult = { checked: 0, reimported: 0, failed: 0, orphans: [] };
  if (!deps.vapi) return result;
  const inVapi = await listVapiNumbers(deps);
  const vapiIds = new Set(inVapi.map((n) => n.id));
  // Platform code: one sweep across clinics; each repair goes through its clinic's client.
  const rows = await deps.rootDb.phoneNumber.findMany({
    select: { id: true, clinicId: true, e164: true, label: true, status: true, vapiPhoneNumberId: true },
  });
  const known = new Set(rows.flatMap((r) => (r.vapiPhoneNumberId ? [r.vapiPhoneNumberId] : [])));
  const knownNumbers = new Set(rows.map((r) => r.e164));
  const webhook = callbackUrls(deps.appUrl).vapiWebhook;
  result.orphans = inVapi
    .filter((n) => n.server?.url === webhook && !known.has(n.id) && !(n.number && knownNumbers.has(n.number)))
    .map((n) => n.id);

  for (const row of rows) {
    // Pending numbers are the provisioning job's; released ones are on their way out.
    if (row.status !== "active" && row.status !== "inactive") continue;
    result.checked += 1;
    if (row.vapiPhoneNumberId && vapiIds.has(row.vapiPhoneNumberId)) continue;
    const db = deps.tenants.forTenant(row.clinicId);
    try {
      const credential = await db.phoneNumber.findFirst({
        where: { id: row.id },
        select: { credential: { select: { ciphertext: true } } },
      });
      if (!credential?.credential) throw new Error("no Twilio credentials");
      const secret = readTwilioCredentials(deps.keyring, credential.credential.ciphertext, row.clinicId);
      const vapiPhoneNumberId = await importIntoVapi(deps, row, secret);
      await db.$transaction(async (tx) => {
        await tx.phoneNumber.update({ where: { id: row.id }, data: { vapiPhoneNumberId, syncError: null } });
        await recordAudit(tx, SYSTEM, {
          action: "phoneNumbers.reimport",
          targetType: "phone_number",
          targetId: row.id,
          metadata: { reason: "missing in Vapi" },
        });
      });
      result.reimported += 1;
    } catch {
      result.failed += 1;
    }
  }
  return result;
}
