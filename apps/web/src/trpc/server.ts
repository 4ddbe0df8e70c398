// What the signed-in pages share: the caller, the user, their clinics and the current clinic,
// loaded once per request (React's cache) by the layout and the page alike.
import { TRPCError } from "@trpc/server";
import { redirect } from "next/navigation";
import { cache } from "react";
import { serverCaller } from "@/server/caller";

export const caller = cache(serverCaller);

type Caller = Awaited<ReturnType<typeof serverCaller>>;
type User = Awaited<ReturnType<Caller["account"]["me"]>>;
type ClinicSummary = Awaited<ReturnType<Caller["account"]["clinics"]>>[number];
type Clinic = Awaited<ReturnType<Caller["clinic"]["get"]>>;

export type Shell =
  | { state: "signed-out" }
  | { state: "no-clinic"; user: User; clinics: ClinicSummary[] }
  /** The clinic cookie names a clinic the user no longer belongs to (left, removed, deleted, other user). */
  | { state: "stale"; user: User; clinics: ClinicSummary[]; fallback: ClinicSummary }
  | { state: "suspended"; user: User; clinics: ClinicSummary[]; message: string }
  | { state: "ready"; user: User; clinics: ClinicSummary[]; clinic: Clinic };

const hasCode = (error: unknown, ...codes: TRPCError["code"][]) =>
  error instanceof TRPCError && codes.includes(error.code);

export const loadShell = cache(async (): Promise<Shell> => {
  const api = await caller();
  let user: User;
  try {
    user = await api.account.me();
  } catch (error) {
    // NOT_FOUND: a session for an account that no longer exists.
    if (hasCode(error, "UNAUTHORIZED", "NOT_FOUND")) return { state: "signed-out" };
    throw error;
  }
  // An unconfirmed address owns and joins nothing: confirming it comes first.
  if (!user.emailVerified) redirect("/verify-email");
  const clinics = await api.account.clinics();
  try {
    return { state: "ready", user, clinics, clinic: await api.clinic.get() };
  } catch (error) {
    const fallback = clinics[0];
    if (hasCode(error, "NOT_FOUND")) {
      return fallback ? { state: "stale", user, clinics, fallback } : { state: "no-clinic", user, clinics };
    }
    if (hasCode(error, "FORBIDDEN") && error instanceof Error) {
      return { state: "suspended", user, clinics, message: error.message };
    }
    throw error;
  }
});

/** The shell for a signed-in page; signed-out visitors go to sign in and come back to `path`. */
export async function requireShell(path: string) {
  const shell = await loadShell();
  if (shell.state === "signed-out") redirect(`/sign-in?callbackUrl=${encodeURIComponent(path)}`);
  return shell;
}
