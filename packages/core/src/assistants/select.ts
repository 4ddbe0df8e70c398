import type { Prisma } from "../db";

/** The columns an assistant row returns (never the Vapi bookkeeping beyond its sync state). */
export const assistantSelect = {
  id: true,
  name: true,
  role: true,
  systemPrompt: true,
  firstMessage: true,
  voiceProvider: true,
  voiceId: true,
  modelProvider: true,
  model: true,
  transferNumber: true,
  isDefault: true,
  syncStatus: true,
  syncError: true,
  syncedAt: true,
  updatedAt: true,
  phoneNumbers: { select: { id: true, e164: true, label: true }, orderBy: { e164: "asc" } },
} satisfies Prisma.AssistantSelect;
