import type { RootDb } from "../db";

/** The signed-in person's own account. */
export async function getAccount(root: RootDb, userId: string) {
  const { emailVerifiedAt, ...account } = await root.user.findUniqueOrThrow({
    where: { id: userId },
    select: { id: true, email: true, name: true, emailVerifiedAt: true },
  });
  return { ...account, emailVerified: emailVerifiedAt !== null };
}
