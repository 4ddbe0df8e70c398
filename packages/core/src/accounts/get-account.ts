import type { RootDb } from "../db";

/** The signed-in person's own account. */
export const getAccount = (root: RootDb, userId: string) =>
  root.user.findUniqueOrThrow({ where: { id: userId }, select: { id: true, email: true, name: true } });
