// Client-safe: zod and Prisma's generated enums only, so the web app's forms can use them.
import { z } from "zod";
import { CredentialKind } from "../generated/prisma/enums";

export const twilioCredentialsInput = z.object({
  accountSid: z
    .string()
    .max(64)
    .trim()
    .regex(/^AC[0-9a-fA-F]{32}$/, "an Account SID is AC followed by 32 hex characters (Twilio console → Account info)"),
  authToken: z
    .string()
    .max(64)
    .trim()
    .regex(/^[0-9a-fA-F]{32}$/, "an Auth Token is 32 hex characters (Twilio console → Account info)"),
  label: z.string().trim().min(1).max(60).default("Twilio"),
});

export const removeCredentialInput = z.object({ credentialId: z.uuid() });

/** A stored credential without its secret: only which account it is. */
export const credentialSchema = z.object({
  id: z.string(),
  kind: z.enum(CredentialKind),
  label: z.string(),
  publicData: z.unknown(),
  keyId: z.string(),
  createdAt: z.date(),
  updatedAt: z.date(),
});
