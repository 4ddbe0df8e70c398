import type { Origin, UserActor } from "../audit";
import type { RootDb } from "../db";

/** Ends every session of the signed-in person, this one included. */
export async function signOutEverywhere(root: RootDb, origin: Origin<UserActor>) {
  await root.user.update({ where: { id: origin.actor.userId }, data: { sessionVersion: { increment: 1 } } });
}
