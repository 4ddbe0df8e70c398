import { can } from "@frontdesk/core/tenancy";
import type { Metadata } from "next";
import { formatDate } from "@/components/format";
import { roleLabels } from "@/components/roles";
import { caller, requireShell } from "@/trpc/server";
import type { Role } from "@/trpc/types";
import { ClinicUnavailable, NotAllowed } from "../../clinic-unavailable";
import { InviteForm } from "./invite-form";
import { LeaveClinic } from "./leave-clinic";
import { MemberRoleSelect, RemoveMember, RevokeInvitation } from "./team-actions";

export const metadata: Metadata = { title: "Team" };
export const dynamic = "force-dynamic";

const ALL_ROLES: readonly Role[] = ["owner", "admin", "staff"];

export default async function TeamPage() {
  const shell = await requireShell("/settings/team");
  if (shell.state !== "ready") return <ClinicUnavailable shell={shell} />;
  const { clinic, user } = shell;
  const role = clinic.myRole;
  if (!can(role, "team:read")) return <NotAllowed role={role} what="see this clinic's team" />;

  const manage = can(role, "team:manage");
  const manageOwners = can(role, "owners:manage");
  // Only owners make or unmake owners; the server enforces the same rule.
  const assignable = manageOwners ? ALL_ROLES : ALL_ROLES.filter((r) => r !== "owner");
  const api = await caller();
  const [members, invitations] = await Promise.all([
    api.team.members(),
    manage ? api.team.invitations() : Promise.resolve([]),
  ]);

  return (
    <>
      <div className="page-header">
        <h1>Team</h1>
        <span className="muted">Who can use {clinic.name}, and what they may do.</span>
      </div>

      <section className="panel">
        <h2>Members</h2>
        <table className="table">
          <thead>
            <tr>
              <th>Name</th>
              <th>Email</th>
              <th>Role</th>
              <th>Joined</th>
              {manage ? <th aria-label="Actions" /> : null}
            </tr>
          </thead>
          <tbody>
            {members.map((member) => {
              const self = member.userId === user.id;
              const editable = manage && !self && (member.role !== "owner" || manageOwners);
              return (
                <tr key={member.id}>
                  <td>
                    {member.user.name ?? "—"}
                    {self ? <span className="muted"> (you)</span> : null}
                  </td>
                  <td>{member.user.email}</td>
                  <td>
                    {editable ? (
                      <MemberRoleSelect
                        membershipId={member.id}
                        role={member.role}
                        roles={assignable}
                        who={member.user.name ?? member.user.email}
                      />
                    ) : (
                      roleLabels[member.role]
                    )}
                  </td>
                  <td>{formatDate(member.createdAt, clinic.timezone)}</td>
                  {manage ? (
                    <td className="actions">
                      {editable ? (
                        <RemoveMember
                          membershipId={member.id}
                          who={member.user.name ?? member.user.email}
                          clinicName={clinic.name}
                        />
                      ) : null}
                    </td>
                  ) : null}
                </tr>
              );
            })}
          </tbody>
        </table>
      </section>

      {manage ? (
        <section className="panel">
          <h2>Pending invitations</h2>
          {invitations.length === 0 ? (
            <p className="muted">No pending invitations. Invite someone below; the link in their email works once.</p>
          ) : (
            <table className="table">
              <thead>
                <tr>
                  <th>Email</th>
                  <th>Role</th>
                  <th>Expires</th>
                  <th aria-label="Actions" />
                </tr>
              </thead>
              <tbody>
                {invitations.map((invitation) => (
                  <tr key={invitation.id}>
                    <td>{invitation.email}</td>
                    <td>{roleLabels[invitation.role]}</td>
                    <td>{formatDate(invitation.expiresAt, clinic.timezone)}</td>
                    <td className="actions">
                      <RevokeInvitation invitationId={invitation.id} email={invitation.email} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      ) : null}

      {manage ? (
        <section className="panel">
          <h2>Invite a teammate</h2>
          <InviteForm roles={assignable} />
        </section>
      ) : (
        <p className="muted">To add someone, ask an owner or admin of {clinic.name} to invite them.</p>
      )}

      <section className="panel">
        <h2>Leave {clinic.name}</h2>
        <p className="muted">You'll lose access to this clinic. To come back, someone will have to invite you again.</p>
        <LeaveClinic clinicName={clinic.name} />
      </section>
    </>
  );
}
