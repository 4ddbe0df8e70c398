import type { RootDb } from "../db";
import { proveAddress } from "./prove-address";

export type GoogleProfile = {
  providerAccountId: string;
  email: string | null | undefined;
  emailVerified: boolean;
  name: string | null | undefined;
};

/**
 * Google vouches for an address. Signs in the account this Google account is linked to, else
 * the account with that address (linking it), else a new one. An unconfirmed account with the
 * address is taken over (`proveAddress`): the password someone set on it stops working and its
 * sessions end. Null when Google has not verified the address.
 */
export async function signInWithGoogle(root: RootDb, profile: GoogleProfile) {
  const email = profile.email?.trim().toLowerCase();
  if (!email || !profile.emailVerified) return null;
  const select = { id: true, email: true, name: true, sessionVersion: true } as const;
  const key = { provider: "google", providerAccountId: profile.providerAccountId };
  return root.$transaction(async (tx) => {
    const linked = await tx.oAuthAccount.findUnique({
      where: { provider_providerAccountId: key },
      select: { user: { select } },
    });
    if (linked) return linked.user;
    const { id } = await tx.user.upsert({
      where: { email },
      update: {},
      create: { email, name: profile.name ?? null, emailVerifiedAt: new Date() },
      select: { id: true },
    });
    await proveAddress(tx, id, { passwordHash: null });
    await tx.oAuthAccount.upsert({
      where: { provider_providerAccountId: key },
      update: {},
      create: { ...key, userId: id },
    });
    return tx.user.findUniqueOrThrow({ where: { id }, select });
  });
}
