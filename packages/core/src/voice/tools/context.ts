// What every tool gets: the clinic's line (resolved from the called number), a tenant client
// for that clinic only, who is calling, and the call the agent acts on.
import { createHash } from "node:crypto";
import type { Origin } from "../../audit";
import type { AppointmentStatus } from "../../db";
import { AppError } from "../../errors";
import type { TenantDb } from "../../tenancy";
import { zonedToUtc } from "../../time/zoned-time";
import type { Line, LineType } from "../resolve-line";
import { isoInZone, spokenSlot } from "../speech";

export type ToolContext = {
  line: Line;
  db: TenantDb;
  /** The number the caller is calling from (E.164), when Vapi knows it. */
  callerNumber: string | null;
  vapiCallId: string | null;
  toolCallId: string;
  /** This delivery took over a tool call an earlier one abandoned: its change may already be made. */
  resumed: boolean;
  now: Date;
  /** The voice agent on this call, for audit rows (creates the Call row on first use). */
  origin(): Promise<Origin>;
};

/**
 * The idempotency key the core use case gets for this tool call's change, so that a delivery
 * taking over an abandoned claim (answer-tool-calls.ts) finds what the first attempt did.
 */
export const changeKey = (ctx: ToolContext) =>
  `vapi-tool-call:${createHash("sha256").update(ctx.toolCallId).digest("base64url")}`;

/** What a tool answers: any JSON the model reads, with a `say` sentence. */
export type ToolAnswer = Record<string, unknown> & { say: string };

const words = (s: string) =>
  s
    .toLowerCase()
    .replace(/^dr\.?\s+/, "")
    .replace(/[^a-z0-9 ]/g, " ")
    .split(/\s+/)
    .filter(Boolean);

/**
 * The row whose name best matches what the caller said: exact, then one containing the other,
 * then the most words in common. Null when nothing matches.
 */
function bestMatch<T extends { name: string }>(rows: T[], said: string): T | null {
  const want = words(said).join(" ");
  const exact = rows.find((r) => words(r.name).join(" ") === want);
  if (exact) return exact;
  const contains = rows.find((r) => {
    const name = words(r.name).join(" ");
    return name.includes(want) || want.includes(name);
  });
  if (contains) return contains;
  const wanted = new Set(words(said));
  let best: T | null = null;
  let bestScore = 0;
  for (const row of rows) {
    const score = words(row.name).filter((w) => wanted.has(w) || wanted.has(w.replace(/s$/, ""))).length;
    if (score > bestScore) [best, bestScore] = [row, score];
  }
  return best;
}

/** The clinic's active appointment type the caller named (or its only one), from the line's list. */
export function appointmentTypeNamed(types: LineType[], said: string | undefined) {
  if (types.length === 0)
    throw new AppError("NOT_FOUND", "the clinic has no appointment types set up; offer to take a message");
  const offered = types.map((t) => `${t.name} (${t.durationMinutes} minutes)`).join(", ");
  if (!said) {
    if (types.length === 1) return types[0] as LineType;
    throw new AppError("BAD_REQUEST", `ask what kind of visit the caller needs; the clinic offers ${offered}`);
  }
  const type = bestMatch(types, said);
  if (!type) throw new AppError("NOT_FOUND", `the clinic does not offer "${said}"; it offers ${offered}`);
  return type;
}

/** The active provider the caller named, from the line's list. */
export function providerNamed(providers: Line["providers"], said: string) {
  const provider = bestMatch(providers, said);
  if (!provider) {
    const names = providers.map((p) => p.name).join(", ");
    throw new AppError("NOT_FOUND", `there is no provider called "${said}"; the providers are ${names}`);
  }
  return provider;
}

/** An ISO time from the model: with an offset it is that instant; without one, the clinic's wall clock. */
export function instantOf(iso: string, timeZone: string) {
  const hasOffset = /(Z|[+-]\d{2}:?\d{2})$/.test(iso);
  if (hasOffset) {
    const t = new Date(iso);
    if (Number.isNaN(t.getTime())) throw new AppError("BAD_REQUEST", `"${iso}" is not a valid time`);
    return t;
  }
  const [date, time = "00:00"] = iso.split("T") as [string, string];
  const [year, month, day] = date.split("-").map(Number) as [number, number, number];
  const [hours, minutes] = time.split(":").map(Number) as [number, number];
  return zonedToUtc({ year, month, day }, hours * 60 + minutes, timeZone);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Who the caller may act for: the patient with their number, and anyone booked on this call. */
export function callersAppointments(ctx: ToolContext) {
  const mine = [];
  if (ctx.callerNumber) mine.push({ patient: { phone: ctx.callerNumber } });
  if (ctx.vapiCallId) mine.push({ call: { vapiCallId: ctx.vapiCallId } });
  return mine;
}

/** One of the caller's own upcoming appointments; anyone else's (or another clinic's) is not found. */
export async function callersAppointment(
  ctx: ToolContext,
  appointmentId: string,
  /** Also a cancelled one (a resumed cancel whose first attempt got that far). */
  statuses: AppointmentStatus[] = ["booked"],
) {
  const mine = callersAppointments(ctx);
  const found =
    UUID.test(appointmentId) && mine.length > 0
      ? await ctx.db.appointment.findFirst({
          where: { id: appointmentId, status: { in: statuses }, startsAt: { gt: ctx.now }, OR: mine },
          select: { id: true },
        })
      : null;
  if (!found) {
    throw new AppError(
      "NOT_FOUND",
      "I could not find that appointment for the number you are calling from; use findMyAppointments to list the caller's appointments",
    );
  }
  return found;
}

/** The rules availability and booking need, as the line already carries them. */
export const slotRules = (ctx: ToolContext, type: LineType) => ({ clinic: ctx.line.clinic, type });

/** A slot as the model gets it: the time to pass back, and the words to say. */
export function slotAnswer(slot: { startsAt: Date; providerName: string }, timeZone: string, appointmentType: string) {
  return {
    startsAt: isoInZone(slot.startsAt, timeZone),
    provider: slot.providerName,
    appointmentType,
    spoken: `${spokenSlot(slot.startsAt, timeZone)} with ${slot.providerName}`,
  };
}

/** "A, B or C" */
export const orList = (items: string[]) =>
  items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} or ${items.at(-1)}`;
