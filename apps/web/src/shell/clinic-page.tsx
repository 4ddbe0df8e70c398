// The one preamble every clinic page had: signed in (else to sign-in and back), a clinic to
// show (else why not), a role that may open this route (else who to ask). The page itself
// receives the clinic, prefetches its queries, and its output is hydrated for the browser.
import { can, permissions } from "@frontdesk/core/tenancy";
import type { ReactNode } from "react";
import { type AppRoute, hrefOf } from "@/routes";
import { HydrateClient } from "@/trpc/server";
import { ClinicUnavailable, NotAllowed } from "./clinic-unavailable";
import { type Clinic, requireShell } from "./load-shell";

type SearchParams = Record<string, string | string[] | undefined>;

export type ClinicPageProps<Params> = {
  clinic: Clinic;
  user: { id: string; email: string; name: string | null };
  params: Params;
  searchParams: SearchParams;
};

/** The first value of a query-string parameter, trimmed; undefined when absent or blank. */
export const param = (searchParams: SearchParams, name: string) => {
  const value = searchParams[name];
  return (Array.isArray(value) ? value[0] : value)?.trim() || undefined;
};

/**
 * A page of `route`: `render` runs only for a member whose role has the route's permission.
 * Prefetch before returning: what is in the request's query cache then is what the client gets.
 */
export function clinicPage<Params extends Record<string, string> = Record<string, never>>(
  route: AppRoute,
  render: (props: ClinicPageProps<Params>) => Promise<ReactNode> | ReactNode,
) {
  return async function ClinicPage(props: { params: Promise<Params>; searchParams: Promise<SearchParams> }) {
    const params = await props.params;
    const shell = await requireShell(hrefOf(route, params));
    if (shell.state !== "ready") return <ClinicUnavailable shell={shell} />;
    const { clinic, user } = shell;
    if (route.permission && !can(clinic.myRole, route.permission)) {
      return <NotAllowed role={clinic.myRole} what={permissions[route.permission].what} />;
    }
    const page = await render({ clinic, user, params, searchParams: await props.searchParams });
    return <HydrateClient>{page}</HydrateClient>;
  };
}
