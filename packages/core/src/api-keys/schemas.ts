// Client-safe: zod and Prisma's generated enums only, so the web app's forms can use them.
import { z } from "zod";
import { roleSchema } from "../tenancy/schemas";
import { instant } from "../time/schemas";

export const createApiKeyInput = z.object({
  name: z.string().trim().min(1, "name the key after what uses it, e.g. 'EHR sync'").max(100),
  role: roleSchema,
  /** When the key stops working; none means until revoked. */
  expiresAt: instant.refine((at) => at.getTime() > Date.now(), "pick a time in the future").nullish(),
});

export const revokeApiKeyInput = z.object({ apiKeyId: z.uuid() });

export const apiKeySchema = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string(),
  role: roleSchema,
  lastUsedAt: z.date().nullable(),
  expiresAt: z.date().nullable(),
  revokedAt: z.date().nullable(),
  createdAt: z.date(),
});

/** A new key: the only time its secret is ever returned. */
export const createdApiKeySchema = z.object({ apiKey: apiKeySchema, key: z.string() });
