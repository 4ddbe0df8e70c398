// Client-safe: zod and Prisma's generated enums only, so the web app's forms can use them.
import { z } from "zod";
import { emailSchema, linkToken, passwordSchema, personNameSchema } from "../accounts/schemas";
import { roleSchema } from "../tenancy/schemas";

export const inviteInput = z.object({ email: emailSchema, role: roleSchema });
export const revokeInvitationInput = z.object({ invitationId: z.uuid() });
export const changeRoleInput = z.object({ membershipId: z.uuid(), role: roleSchema });
export const removeMemberInput = z.object({ membershipId: z.uuid() });

/** An emailed invitation link's token, as the invite page reads it. */
export const invitationTokenInput = z.object({ token: z.string().max(200) });

export const signUpWithInvitationInput = z.object({
  token: linkToken,
  name: personNameSchema,
  password: passwordSchema,
});

export const memberSchema = z.object({
  id: z.string(),
  userId: z.string(),
  role: roleSchema,
  createdAt: z.date(),
  user: z.object({ name: z.string().nullable(), email: z.string() }),
});

export const invitationSchema = z.object({
  id: z.string(),
  email: z.string(),
  role: roleSchema,
  expiresAt: z.date(),
  acceptedAt: z.date().nullable(),
  revokedAt: z.date().nullable(),
  createdAt: z.date(),
});

/** The invitation; its link went to the invited address only. */
export const sentInvitationSchema = z.object({ invitation: invitationSchema });

/** What the invite page shows before accepting. */
export const invitationPreviewSchema = z.object({
  email: z.string(),
  role: roleSchema,
  clinicName: z.string(),
  usable: z.boolean(),
});

/** Who joined which clinic (sign-up, accepting an invitation). */
export const joinedClinicSchema = z.object({ clinicId: z.string(), userId: z.string() });
