import type { TenantDb } from "../tenancy";

/** The clinic's assistants a number can be given (editing them is the assistants feature's). */
export const listAssistantChoices = (db: TenantDb) =>
  db.assistant.findMany({ select: { id: true, name: true }, orderBy: { createdAt: "asc" } });
