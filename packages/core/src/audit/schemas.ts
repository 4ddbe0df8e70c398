// Client-safe: zod and Prisma's generated enums only, so the web app's forms can use them.
import { z } from "zod";
import { ActorType } from "../generated/prisma/enums";
import { instant } from "../time/schemas";

export const actorTypeSchema = z.enum(ActorType);

export const listAuditInput = z.object({
  action: z.string().max(100).optional(),
  actorUserId: z.uuid().optional(),
  apiKeyId: z.uuid().optional(),
  from: instant.optional(),
  to: instant.optional(),
  cursor: z.uuid().optional(),
  limit: z.number().int().min(1).max(200).default(50),
});

export const auditRowSchema = z.object({
  id: z.string(),
  actorType: actorTypeSchema,
  actorUserId: z.string().nullable(),
  actorName: z.string().nullable(),
  apiKeyId: z.string().nullable(),
  action: z.string(),
  targetType: z.string().nullable(),
  targetId: z.string().nullable(),
  metadata: z.unknown(),
  ip: z.string().nullable(),
  createdAt: z.date(),
});

/** One page of the log, newest first; pass `nextCursor` back as `cursor` for the next. */
export const auditPageSchema = z.object({ items: z.array(auditRowSchema), nextCursor: z.string().optional() });
