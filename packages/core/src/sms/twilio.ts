// The real twilio SDK. TWILIO_API_BASE_URL (tests, a regional proxy) re-points its requests at
// another host; everything else — auth, form encoding, error parsing — is the SDK's own.
import twilio from "twilio";
import type RequestClient from "twilio/lib/base/RequestClient";

const TWILIO_API = "https://api.twilio.com";

export type TwilioCredentials = { accountSid: string; authToken: string };
export type TwilioClient = ReturnType<typeof twilio>;

class RedirectingRequestClient extends twilio.RequestClient {
  constructor(private readonly baseUrl: string) {
    super({ timeout: 10_000 });
  }
  override request<TData>(opts: RequestClient.RequestOptions<TData>) {
    return super.request<TData>({ ...opts, uri: opts.uri.replace(TWILIO_API, this.baseUrl.replace(/\/$/, "")) });
  }
}

export function createTwilioClient(credentials: TwilioCredentials, apiBaseUrl?: string): TwilioClient {
  return twilio(credentials.accountSid, credentials.authToken, {
    httpClient: apiBaseUrl ? new RedirectingRequestClient(apiBaseUrl) : undefined,
    timeout: 10_000,
  });
}

/** X-Twilio-Signature check (HMAC-SHA1 of the URL and sorted POST params, by the SDK). */
export const isSignedByTwilio = (authToken: string, signature: string, url: string, params: Record<string, string>) =>
  twilio.validateRequest(authToken, signature, url, params);
