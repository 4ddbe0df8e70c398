import type { TenantDb } from "../tenancy";
import { assistantSelect } from "./select";

/** The clinic's assistants, the default first. */
export const listAssistants = (db: TenantDb) =>
  db.assistant.findMany({ select: assistantSelect, orderBy: [{ isDefault: "desc" }, { createdAt: "asc" }] });
