import type { Services } from "@frontdesk/api";
import { createMailer, hit } from "@frontdesk/core";
import { createKeyring } from "@frontdesk/core/crypto";
import { createRootDb } from "@frontdesk/core/db";
import { createTenantClients } from "@frontdesk/core/tenancy";
import { createVapiClient } from "@frontdesk/core/vapi";
import { env } from "../env";
import { realtime } from "./realtime";

// One set per server process; dev hot reload would otherwise open new pools per edit.
const cache = globalThis as unknown as { frontdeskServices?: Services };

export function services(): Services {
  if (!cache.frontdeskServices) {
    const config = env();
    const rootDb = createRootDb(config.DATABASE_URL);
    cache.frontdeskServices = {
      rootDb,
      // Every change a use case makes reaches the clinic's dashboards once it has committed.
      tenants: createTenantClients(config.DATABASE_URL, { publish: realtime().publishCommitted }),
      mailer: createMailer(config.SMTP_URL, console.log, config.NODE_ENV),
      appUrl: config.APP_URL,
      trustedProxyHops: config.TRUSTED_PROXY_HOPS,
      keyring: createKeyring(config.ENCRYPTION_KEY_ID, config.ENCRYPTION_KEY, config.ENCRYPTION_PREVIOUS_KEYS),
      telephony: {
        vapi: createVapiClient({ token: config.VAPI_PRIVATE_KEY, baseUrl: config.VAPI_BASE_URL }),
        platformTwilio:
          config.TWILIO_ACCOUNT_SID && config.TWILIO_AUTH_TOKEN
            ? { accountSid: config.TWILIO_ACCOUNT_SID, authToken: config.TWILIO_AUTH_TOKEN }
            : undefined,
        twilioApiBaseUrl: config.TWILIO_API_BASE_URL,
        appUrl: config.APP_URL,
        vapiWebhookSecret: config.VAPI_WEBHOOK_SECRET,
        hit: (key, limit) => hit(rootDb, key, limit),
      },
    };
  }
  return cache.frontdeskServices;
}

/** Platform-level access (auth, health). Clinic data goes through the tenant-scoped client. */
export const rootDb = () => services().rootDb;
