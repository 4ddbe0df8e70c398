import type { RootDb } from "../db";
import type { TenantClients } from "../tenancy";

/** What the Vapi webhook needs from its host (the web app, a test, a benchmark). */
export type VoiceDeps = {
  /** Platform lookups only: which clinic owns a number, the inbox. Clinic data goes through `tenants`. */
  rootDb: RootDb;
  tenants: TenantClients;
  /** VAPI_WEBHOOK_SECRET; without it every request is refused. */
  webhookSecret: string | undefined;
  /** The public URL of POST /api/vapi/webhook, which transient assistants point back at. */
  webhookUrl: string;
  now?: () => Date;
};
