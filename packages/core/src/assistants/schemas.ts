// Assistants at the edges: the editor's fields, the voices and models it offers, and the rows
// procedures return. Client-safe (zod and Prisma's generated enums only).
import { z } from "zod";
import { AssistantRole as AssistantRoles, SyncStatus as SyncStatuses } from "../generated/prisma/enums";

/** Voices offered in the editor, by Vapi voice provider. */
export const VOICES = {
  vapi: ["Elliot", "Kylie", "Rohan", "Lily", "Savannah", "Hana", "Neha", "Cole", "Harry", "Paige", "Spencer"],
  "11labs": ["sarah", "andrea", "phillip", "paula", "burt", "marissa"],
  openai: ["alloy", "echo", "fable", "onyx", "nova", "shimmer"],
} as const satisfies Record<string, readonly string[]>;

/** Models offered in the editor, by Vapi model provider (literals Vapi's API accepts). */
export const MODELS = {
  openai: ["gpt-4o", "gpt-4o-mini", "gpt-4.1", "gpt-4.1-mini"],
  anthropic: ["claude-sonnet-4-20250514", "claude-3-7-sonnet-20250219", "claude-3-5-haiku-20241022"],
} as const satisfies Record<string, readonly string[]>;

export type VoiceProvider = keyof typeof VOICES;
export type ModelProvider = keyof typeof MODELS;

/** The clinic's variables a prompt or first message may use; filled per call. */
export const PROMPT_VARIABLES = [
  "clinicName",
  "today",
  "weekday",
  "timezone",
  "openingHours",
  "address",
  "clinicPhone",
] as const;

export const assistantRole = z.enum(AssistantRoles);
export const syncStatus = z.enum(SyncStatuses);
export type AssistantRole = z.infer<typeof assistantRole>;
export type SyncStatus = z.infer<typeof syncStatus>;

/** What a new assistant starts with, and what a clinic without one answers with. */
export const DEFAULT_PROMPT = [
  "You are the friendly receptionist of {{clinicName}}. Today is {{weekday}}, {{today}} ({{timezone}}).",
  "Opening hours: {{openingHours}}. Address: {{address}}.",
  "Help callers book, move or cancel appointments and answer questions about the clinic.",
].join(" ");

export const DEFAULT_FIRST_MESSAGE = "Thank you for calling {{clinicName}}. How can I help you today?";

const e164 = z
  .string()
  .max(16)
  .regex(/^\+[1-9]\d{6,14}$/, "use international format, e.g. +14155550123");

const fields = z.object({
  name: z.string().trim().min(1, "give the assistant a name").max(40, "keep the name under 40 characters"),
  role: assistantRole,
  systemPrompt: z
    .string()
    .trim()
    .min(1, "write the system prompt: what the assistant does and how it speaks")
    .max(20_000, "keep the prompt under 20,000 characters"),
  firstMessage: z.string().trim().max(1_000, "keep the first message under 1,000 characters"),
  voiceProvider: z.enum(Object.keys(VOICES) as [VoiceProvider, ...VoiceProvider[]]),
  voiceId: z.string().max(64),
  modelProvider: z.enum(Object.keys(MODELS) as [ModelProvider, ...ModelProvider[]]),
  model: z.string().max(64),
  transferNumber: e164.nullable(),
  isDefault: z.boolean(),
});

type Fields = z.infer<typeof fields>;

/** The voice and model must be ones the provider offers. */
function knownVoiceAndModel(value: Partial<Fields>, ctx: z.RefinementCtx) {
  if (value.voiceProvider !== undefined || value.voiceId !== undefined) {
    const voices = VOICES[value.voiceProvider as VoiceProvider] as readonly string[] | undefined;
    if (!voices?.includes(value.voiceId ?? "")) {
      ctx.addIssue({ code: "custom", path: ["voiceId"], message: "pick a voice from the list" });
    }
  }
  if (value.modelProvider !== undefined || value.model !== undefined) {
    const models = MODELS[value.modelProvider as ModelProvider] as readonly string[] | undefined;
    if (!models?.includes(value.model ?? "")) {
      ctx.addIssue({ code: "custom", path: ["model"], message: "pick a model from the list" });
    }
  }
}

export const assistantInput = fields.superRefine(knownVoiceAndModel);

/** Fields given change; a voice or model change names its provider too. */
export const updateAssistantInput = fields.partial().extend({ assistantId: z.uuid() }).superRefine(knownVoiceAndModel);

export const assistantIdInput = z.object({ assistantId: z.uuid() });

export const assistantRow = z.object({
  id: z.string(),
  name: z.string(),
  role: assistantRole,
  systemPrompt: z.string(),
  firstMessage: z.string(),
  voiceProvider: z.string(),
  voiceId: z.string(),
  modelProvider: z.string(),
  model: z.string(),
  transferNumber: z.string().nullable(),
  isDefault: z.boolean(),
  syncStatus: syncStatus,
  syncError: z.string().nullable(),
  syncedAt: z.date().nullable(),
  updatedAt: z.date(),
  phoneNumbers: z.array(z.object({ id: z.string(), e164: z.string(), label: z.string().nullable() })),
});

/** What `{{clinicName}}`, `{{today}}`, … become for this clinic right now (the editor's preview). */
export const promptVariablesRow = z.record(z.enum(PROMPT_VARIABLES), z.string());

/** `{{name}}` replaced by its value; unknown names are left as written, as Vapi leaves them. */
export function fillVariables(text: string, values: Partial<Record<string, string>>) {
  return text.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) => values[name] ?? whole);
}
