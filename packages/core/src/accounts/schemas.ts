// Client-safe: zod and Prisma's generated enums only, so the web app's forms can use them.
import { z } from "zod";
import { clinicNameSchema, timezoneSchema } from "../clinics/schemas";

export const emailSchema = z
  .email("enter an email address like name@clinic.com")
  .max(254)
  .transform((e) => e.trim().toLowerCase());

export const passwordSchema = z.string().min(10, "use at least 10 characters").max(200, "use at most 200 characters");

export const personNameSchema = z.string().trim().min(1, "enter your name").max(100);

/** The secret part of an emailed link (invitation, password reset, address confirmation). */
export const linkToken = z.string().min(20, "this link is incomplete; open the whole link from the email").max(200);

export const signUpInput = z.object({
  name: personNameSchema,
  email: emailSchema,
  password: passwordSchema,
  clinicName: clinicNameSchema,
  timezone: timezoneSchema,
});

/** Loose on purpose: the answer is the same for any address, known or not. */
export const requestPasswordResetInput = z.object({ email: z.string().max(254) });

export const resetPasswordInput = z.object({ token: linkToken, password: passwordSchema });

export const verifyEmailInput = z.object({ token: linkToken });

/** A new account; its clinic comes when the address is confirmed. */
export const signedUpSchema = z.object({ userId: z.string() });

/** Confirmed; `clinicId` is the clinic the sign-up asked for, now created (null if none). */
export const verifiedEmailSchema = z.object({ userId: z.string(), clinicId: z.string().nullable() });

export const accountSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string().nullable(),
  emailVerified: z.boolean(),
});
