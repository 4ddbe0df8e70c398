// Client-safe: zod and Prisma's generated enums only, so the web app's forms can use them.
import { z } from "zod";
import { PhoneNumberSource, PhoneNumberStatus } from "../generated/prisma/enums";

export const e164Number = z
  .string()
  .trim()
  .max(16)
  .regex(/^\+[1-9]\d{6,14}$/, "use international format: + then the country code and number, e.g. +14155550123");

const label = z.string().trim().max(60, "keep the label under 60 characters");

export const phoneNumberIdInput = z.object({ phoneNumberId: z.uuid() });

/** Bring your own: one of the numbers in the clinic's Twilio account (see listTwilioNumbers). */
export const connectPhoneNumberInput = z.object({
  credentialId: z.uuid(),
  e164: e164Number,
  label: label.optional(),
});

export const listTwilioNumbersInput = z.object({ credentialId: z.uuid() });

export const searchAvailableNumbersInput = z.object({
  areaCode: z
    .string()
    .trim()
    .max(3, "enter a three-digit US or Canadian area code, e.g. 415")
    .regex(/^[2-9]\d{2}$/, "enter a three-digit US or Canadian area code, e.g. 415"),
});

/** Managed: a number found by searchAvailableNumbers, bought in the clinic's own subaccount. */
export const buyPhoneNumberInput = z.object({ e164: e164Number, label: label.optional() });

export const setPhoneNumberActiveInput = z.object({ phoneNumberId: z.uuid(), active: z.boolean() });

export const assignAssistantInput = z.object({ phoneNumberId: z.uuid(), assistantId: z.uuid().nullable() });

export const labelPhoneNumberInput = z.object({ phoneNumberId: z.uuid(), label: label.nullable() });

/** "Call my phone": staff's own number, called from one of the clinic's numbers. */
export const placeTestCallInput = z.object({ phoneNumberId: z.uuid(), to: e164Number });

export const phoneNumberSchema = z.object({
  id: z.string(),
  e164: z.string(),
  label: z.string().nullable(),
  source: z.enum(PhoneNumberSource),
  status: z.enum(PhoneNumberStatus),
  syncError: z.string().nullable(),
  assistant: z.object({ id: z.string(), name: z.string() }).nullable(),
  createdAt: z.date(),
  updatedAt: z.date(),
});

export const twilioNumberChoice = z.object({
  e164: z.string(),
  friendlyName: z.string(),
  /** Already connected to Frontdesk (by this clinic). */
  connected: z.boolean(),
});

export const availableNumberChoice = z.object({
  e164: z.string(),
  friendlyName: z.string(),
  locality: z.string().nullable(),
  region: z.string().nullable(),
});

export const assistantChoice = z.object({ id: z.string(), name: z.string() });

export const testCallResult = z.object({ callId: z.string(), vapiCallId: z.string() });
