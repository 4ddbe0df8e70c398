import type { AppRouter } from "@frontdesk/api";
import { TRPCClientError } from "@trpc/client";

export type FormErrors = {
  /** What to show above the submit button, or null. */
  message: string | null;
  /** Per-input messages, keyed by the procedure's input field name. */
  fields: Record<string, string | undefined>;
  /** The tRPC error code (e.g. "BAD_REQUEST"), or null when the server wasn't reached. */
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
 * Splits a mutation's error into messages for the form's inputs (`fieldNames`, from the server's
 * zod check) and one form-level message for everything else.
 */
export function formErrors(error: unknown, fieldNames: readonly string[] = []): FormErrors {
  if (!error) return { message: null, fields: {}, code: null };
  if (!(error instanceof TRPCClientError)) return { message: OFFLINE, fields: {}, code: null };
  const trpcError = error as TRPCClientError<AppRouter>;
  const zod = trpcError.data?.zodError;
  if (zod) {
    const fields: Record<string, string | undefined> = {};
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
