import { can } from "@frontdesk/core/tenancy";
import type { Metadata } from "next";
import { PageHeader } from "@/components/page-header";
import { Panel } from "@/components/panel";
import { routes } from "@/routes";
import { clinicPage } from "@/shell/clinic-page";
import { prefetch, trpc } from "@/trpc/server";
import type { Role } from "@/trpc/types";
import { Invitations } from "./invitations";
import { InviteForm } from "./invite-form";
import { LeaveClinic } from "./leave-clinic";
import { Members } from "./members";

export const metadata: Metadata = { title: routes.team.label };

const ALL_ROLES: readonly Role[] = ["owner", "admin", "staff"];

export default clinicPage(routes.team, async ({ clinic, user }) => {
  const manage = can(clinic.myRole, "team:manage");
  const manageOwners = can(clinic.myRole, "owners:manage");
  // Only owners make or unmake owners; the server enforces the same rule.
  const assignable = manageOwners ? ALL_ROLES : ALL_ROLES.filter((r) => r !== "owner");
  await prefetch(trpc.team.members.queryOptions(), ...(manage ? [trpc.team.invitations.queryOptions()] : []));

  return (
    <>
      <PageHeader title={routes.team.label} description={`Who can use ${clinic.name}, and what they may do.`} />
      <div className="grid gap-6">
        <Panel title="Members">
          <Members
            me={user.id}
            clinicName={clinic.name}
            manage={manage}
            manageOwners={manageOwners}
            assignable={assignable}
          />
        </Panel>

        {manage ? (
          <>
            <Panel title="Pending invitations">
              <Invitations />
            </Panel>
            <Panel title="Invite a teammate" description="They get an email with a link that works once, for 7 days.">
              <InviteForm roles={assignable} />
            </Panel>
          </>
        ) : (
          <p className="text-muted-foreground text-sm">
            To add someone, ask an owner or admin of {clinic.name} to invite them.
          </p>
        )}

        <Panel
          title={`Leave ${clinic.name}`}
          description="You'll lose access to this clinic. To come back, someone will have to invite you again."
        >
          <LeaveClinic clinicName={clinic.name} />
        </Panel>
      </div>
    </>
  );
});
