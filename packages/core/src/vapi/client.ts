// The platform's one Vapi account, reached through the real @vapi-ai/server-sdk. Clinics have no
// Vapi keys: every clinic's assistants, numbers and calls are managed with VAPI_PRIVATE_KEY.
// Tests and local runs point `baseUrl` at a stub that speaks Vapi's HTTP API (test/vapi-stub.ts).
import { VapiClient, VapiError, VapiTimeoutError } from "@vapi-ai/server-sdk";

export { VapiClient, VapiError };

/** A client for the platform key, or none when Vapi is not configured (nothing is synced then). */
export function createVapiClient(options: { token?: string; baseUrl: string }): VapiClient | undefined {
  return options.token ? new VapiClient({ token: options.token, baseUrl: options.baseUrl }) : undefined;
}

/** The HTTP status Vapi answered with, if it answered at all. */
export const vapiStatus = (error: unknown) => (error instanceof VapiError ? error.statusCode : undefined);

/**
 * Whether asking again later may succeed: no answer (a timeout — on Node 20 the SDK reports it as
 * a plain VapiError with message '"timeout"' and no status), a rate limit, or a 5xx.
 */
export function isTransientVapiError(error: unknown) {
  if (error instanceof VapiTimeoutError) return true;
  if (!(error instanceof VapiError)) return false;
  const status = error.statusCode;
  return status === undefined || status === 408 || status === 429 || status >= 500;
}
