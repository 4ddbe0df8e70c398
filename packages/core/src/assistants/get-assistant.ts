import { AppError } from "../errors";
import type { TenantDb } from "../tenancy";
import { assistantSelect } from "./select";

export async function getAssistant(db: TenantDb, { assistantId }: { assistantId: string }) {
  const found = await db.assistant.findUnique({ where: { id: assistantId }, select: assistantSelect });
  if (!found) throw new AppError("NOT_FOUND", "assistant not found");
  return found;
}
