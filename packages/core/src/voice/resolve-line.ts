// Which clinic a call is for, decided on the server from the number that was called (never
// from anything the model says): one indexed lookup that also brings everything the hot paths
// need — the clinic's profile and booking rules, its assistant, its opening hours, and the
// visit types and providers a tool call names — so a tool call reads none of them again.
import type { RootDb } from "../db";
import type { AssistantSettings } from "./assistant-config";
import type { VapiMessage } from "./schemas";

export type LineType = {
  id: string;
  name: string;
  durationMinutes: number;
  bufferBeforeMinutes: number;
  bufferAfterMinutes: number;
};

export type WeeklyHours = { weekday: number; start: number; end: number }[];

export type Line = {
  phoneNumberId: string;
  e164: string;
  /** The number is active and its clinic is neither suspended nor deleted. */
  inService: boolean;
  clinicDeleted: boolean;
  clinic: {
    id: string;
    name: string;
    timezone: string;
    phone: string | null;
    address: string | null;
    minNoticeMinutes: number;
    bookingHorizonDays: number;
  };
  /** The clinic's active appointment types, by name. */
  types: LineType[];
  /** The clinic's active providers, oldest first. */
  providers: { id: string; name: string }[];
  assistant:
    | (AssistantSettings & { transferNumber: string | null; vapiAssistantId: string | null; synced: boolean })
    | null;
  /** The clinic's opening hours per weekday (the span its active providers work). */
  hours: WeeklyHours;
  /** A clinic-wide closure today (holiday) in the clinic's calendar. */
  closedToday: boolean;
};

type Row = {
  phoneNumberId: string;
  e164: string;
  numberStatus: string;
  clinicId: string;
  clinicStatus: string;
  deletedAt: Date | null;
  name: string;
  timezone: string;
  phone: string | null;
  address: string | null;
  minNoticeMinutes: number;
  bookingHorizonDays: number;
  types: LineType[];
  providers: Line["providers"];
  assistant: Line["assistant"] | null;
  hours: WeeklyHours;
  closedToday: boolean;
};

/** The called number (E.164) and Vapi's id for it, from wherever the message carries them. */
function calledNumber(message: Pick<VapiMessage, "phoneNumber" | "call">) {
  return {
    e164: message.phoneNumber?.number ?? null,
    vapiPhoneNumberId: message.call?.phoneNumberId ?? message.phoneNumber?.id ?? null,
  };
}

/**
 * Only who owns the line, for messages that are stored and answered at once: the clinic, and
 * whether it is deleted (its events are then kept unattributed). No profile, hours or types.
 */
export async function lineOwner(rootDb: RootDb, message: VapiMessage) {
  const { e164, vapiPhoneNumberId } = calledNumber(message);
  if (!e164 && !vapiPhoneNumberId) return null;
  const [row] = await rootDb.sql<{ clinicId: string; deleted: boolean }>`
    SELECT n."clinicId"::text AS "clinicId", (c.status = 'deleted' OR c."deletedAt" IS NOT NULL) AS deleted
      FROM phone_numbers n JOIN clinics c ON c.id = n."clinicId"
     WHERE n.e164 = ${e164}::text OR n."vapiPhoneNumberId" = ${vapiPhoneNumberId}::text
     ORDER BY n.e164 IS NOT DISTINCT FROM ${e164}::text DESC
     LIMIT 1`;
  return row ?? null;
}

/** The caller's number, as Vapi reports it. */
export const callerNumber = (message: VapiMessage) =>
  message.customer?.number ?? message.call?.customer?.number ?? null;

/**
 * The line the message was sent for: by the called number, falling back to our number row by
 * Vapi's phone-number id. Null when neither names a number Frontdesk has.
 */
export async function resolveLine(
  rootDb: Pick<RootDb, "sql">,
  message: Pick<VapiMessage, "phoneNumber" | "call">,
): Promise<Line | null> {
  const { e164, vapiPhoneNumberId } = calledNumber(message);
  if (!e164 && !vapiPhoneNumberId) return null;
  const vapiAssistantId = message.call?.assistantId ?? null;
  const rows = await rootDb.sql<Row>`
    SELECT n.id AS "phoneNumberId", n.e164, n.status::text AS "numberStatus",
           c.id AS "clinicId", c.status::text AS "clinicStatus", c."deletedAt", c.name, c.timezone, c.phone,
           c."minNoticeMinutes", c."bookingHorizonDays",
           nullif(concat_ws(', ', c."addressLine1", c."addressLine2", c.city,
                            nullif(concat_ws(' ', c.region, c."postalCode"), '')), '') AS address,
           (SELECT coalesce(json_agg(json_build_object(
                     'id', t.id, 'name', t.name, 'durationMinutes', t."durationMinutes",
                     'bufferBeforeMinutes', t."bufferBeforeMinutes", 'bufferAfterMinutes', t."bufferAfterMinutes")
                     ORDER BY t.name), '[]'::json)
              FROM appointment_types t WHERE t."clinicId" = n."clinicId" AND t.active) AS types,
           (SELECT coalesce(json_agg(json_build_object('id', p.id, 'name', p.name) ORDER BY p.id), '[]'::json)
              FROM providers p WHERE p."clinicId" = n."clinicId" AND p.active) AS providers,
           (SELECT json_build_object(
                     'id', a.id, 'name', a.name, 'systemPrompt', a."systemPrompt", 'firstMessage', a."firstMessage",
                     'voiceProvider', a."voiceProvider", 'voiceId', a."voiceId", 'modelProvider', a."modelProvider",
                     'model', a.model, 'transferNumber', a."transferNumber", 'vapiAssistantId', a."vapiAssistantId",
                     'synced', a."syncStatus" = 'synced' AND a."vapiAssistantId" IS NOT NULL)
              FROM assistants a
             WHERE a."clinicId" = n."clinicId"
             ORDER BY a."vapiAssistantId" IS NOT DISTINCT FROM ${vapiAssistantId}::text DESC,
                      a.id IS NOT DISTINCT FROM n."assistantId" DESC, a."isDefault" DESC, a."createdAt"
             LIMIT 1) AS assistant,
           (SELECT coalesce(json_agg(json_build_object('weekday', h.weekday, 'start', h.s, 'end', h.e)
                                     ORDER BY h.weekday), '[]'::json)
              FROM (SELECT w.weekday, min(w."startMinute") AS s, max(w."endMinute") AS e
                      FROM working_hours w JOIN providers p ON p.id = w."providerId" AND p.active
                     WHERE w."clinicId" = n."clinicId"
                     GROUP BY w.weekday) h) AS hours,
           EXISTS (SELECT 1 FROM schedule_overrides o
                    WHERE o."clinicId" = n."clinicId" AND o."providerId" IS NULL AND o.kind = 'closed'
                      AND o.date = (now() AT TIME ZONE c.timezone)::date) AS "closedToday"
      FROM phone_numbers n
      JOIN clinics c ON c.id = n."clinicId"
     WHERE n.e164 = ${e164}::text OR n."vapiPhoneNumberId" = ${vapiPhoneNumberId}::text
     ORDER BY n.e164 IS NOT DISTINCT FROM ${e164}::text DESC
     LIMIT 1`;
  const row = rows[0];
  if (!row) return null;
  const clinicDeleted = row.clinicStatus === "deleted" || row.deletedAt !== null;
  return {
    phoneNumberId: row.phoneNumberId,
    e164: row.e164,
    inService: row.numberStatus === "active" && row.clinicStatus === "active" && !clinicDeleted,
    clinicDeleted,
    clinic: {
      id: row.clinicId,
      name: row.name,
      timezone: row.timezone,
      phone: row.phone,
      address: row.address,
      minNoticeMinutes: row.minNoticeMinutes,
      bookingHorizonDays: row.bookingHorizonDays,
    },
    types: row.types,
    providers: row.providers,
    assistant: row.assistant,
    hours: row.hours,
    closedToday: row.closedToday,
  };
}
