import type { RootDb } from "../db";
import type { Mailer } from "../email";
import { newSecret } from "./tokens";

const VERIFICATION_TTL_MS = 24 * 60 * 60_000;

type PendingClinic = { clinicName: string; clinicTimezone: string } | null;

/**
 * Stores a single-use confirmation link (carrying the clinic the sign-up asked for, created when
 * the address is confirmed) and emails it. The link only works for the signed-in account it
 * belongs to, so neither the person who typed the address (no inbox) nor the inbox's owner or
 * their mail scanner (no password) can confirm someone else's sign-up alone.
 */
export async function sendVerification(
  db: RootDb,
  user: { id: string; email: string },
  clinic: PendingClinic,
  { mailer, appUrl }: { mailer: Mailer; appUrl: string },
) {
  const token = newSecret();
  await db.emailVerificationToken.create({
    data: {
      userId: user.id,
      tokenHash: token.hash,
      clinicName: clinic?.clinicName ?? null,
      clinicTimezone: clinic?.clinicTimezone ?? null,
      expiresAt: new Date(Date.now() + VERIFICATION_TTL_MS),
    },
  });
  const link = new URL(`/verify-email?token=${token.raw}`, appUrl).toString();
  const forClinic = clinic ? ` for ${clinic.clinicName}` : "";
  await mailer.send({
    to: user.email,
    subject: "Confirm your email address for Frontdesk",
    text: `Someone created a Frontdesk account${forClinic} with this email address.\n\nIf it was you, confirm your address here, signed in to that account (valid for 24 hours, once): ${link}\n\nIf it wasn't you, ignore this email: the account can do nothing until the address is confirmed, and you can take it over by resetting its password or signing in with Google.`,
  });
}
