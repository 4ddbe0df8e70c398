// What the signed-in pages share: the user, their clinics and the current clinic, loaded once
// per request (React's cache) into the request's query client, so the layout, the page and the
// client components below (through <HydrateClient>) all read the same answers.

import { TRPCError } from "@trpc/server";
import { redirect } from "next/navigation";
import { cache } from "react";
import { getQueryClient, trpc } from "@/trpc/server";
import type { RouterOutputs } from "@/trpc/types";

type User = RouterOutputs["account"]["me"];
type ClinicSummary = RouterOutputs["account"]["clinics"][number];
export type Clinic = RouterOutputs["clinic"]["get"];

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
  const queryClient = getQueryClient();
  let user: User;
  try {
    user = await queryClient.fetchQuery(trpc.account.me.queryOptions());
  } catch (error) {
    // NOT_FOUND: a session for an account that no longer exists.
    if (hasCode(error, "UNAUTHORIZED", "NOT_FOUND")) return { state: "signed-out" };
    throw error;
  }
  // An unconfirmed address owns and joins nothing: confirming it comes first.
  if (!user.emailVerified) redirect("/verify-email");
  const clinics = await queryClient.fetchQuery(trpc.account.clinics.queryOptions());
  try {
    return { state: "ready", user, clinics, clinic: await queryClient.fetchQuery(trpc.clinic.get.queryOptions()) };
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
