import type { AppRouter } from "@frontdesk/api";
import { TRPCClientError } from "@trpc/client";

type ServerErrors = {
  /** What to show above the submit button, or null. */
  message: string | null;
  /** Per-input messages, keyed by the procedure's input field name. */
  fields: Record<string, string>;
  /** The tRPC error code (e.g. "CONFLICT"), or null when the server wasn't reached. */
  code: string | null;
};

const OFFLINE = "We couldn't reach Frontdesk. Check your connection and try again.";

/** Server messages are lower-case clauses ("that already exists; ..."); shown as sentences. */
export const sentence = (text: string) => {
  const trimmed = text.trim();
  const capital = trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
  return /[.!?…]$/.test(capital) ? capital : `${capital}.`;
};

/**
 * Splits a failed call's error into messages for the form's inputs (`fieldNames`, from the
 * server's zod check) and one form-level message for everything else.
 */
export function serverErrors(error: unknown, fieldNames: readonly string[] = []): ServerErrors {
  if (!(error instanceof TRPCClientError)) return { message: OFFLINE, fields: {}, code: null };
  const trpcError = error as TRPCClientError<AppRouter>;
  const zod = trpcError.data?.zodError;
  if (zod) {
    const fields: Record<string, string> = {};
    const elsewhere: string[] = [...zod.formErrors];
    for (const [name, messages] of Object.entries(zod.fieldErrors as Record<string, string[] | undefined>)) {
      const first = messages?.[0];
      if (!first) continue;
      if (fieldNames.includes(name)) fields[name] = sentence(first);
      else elsewhere.push(first);
    }
    const message = elsewhere[0] ?? (Object.keys(fields).length ? null : trpcError.message);
    return { message: message ? sentence(message) : null, fields, code: trpcError.data?.code ?? null };
  }
  // A fetch that never reached the server has no tRPC shape.
  if (!trpcError.data) return { message: OFFLINE, fields: {}, code: null };
  return { message: sentence(trpcError.message), fields: {}, code: trpcError.data.code };
}

/** One sentence for a failed action or query, for wherever there is no form to point into. */
export const errorMessage = (error: unknown) => serverErrors(error).message ?? OFFLINE;

/** The tRPC error code of a failed call, e.g. "NOT_FOUND", or null. */
export const errorCode = (error: unknown) => (error instanceof TRPCClientError ? serverErrors(error).code : null);
