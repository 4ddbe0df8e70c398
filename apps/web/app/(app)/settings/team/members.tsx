"use client";

import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { toast } from "sonner";
import { DataTable } from "@/components/data-table";
import { roleLabels, roleOptions } from "@/components/roles";
import { Select } from "@/components/ui/select";
import { formatDate } from "@/lib/format";
import { useClinic } from "@/shell/use-clinic";
import { errorMessage } from "@/trpc/errors";
import { useTRPC } from "@/trpc/react";
import type { Role } from "@/trpc/types";

function useRefreshTeam() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries(trpc.team.pathFilter());
}

function RoleSelect({
  membershipId,
  role,
  roles,
  who,
}: {
  membershipId: string;
  role: Role;
  roles: readonly Role[];
  who: string;
}) {
  const trpc = useTRPC();
  const refresh = useRefreshTeam();
  const change = useMutation(
    trpc.team.changeRole.mutationOptions({
      onSuccess: (_, { role: next }) => {
        toast.success(`${who} is now ${roleLabels[next].toLowerCase()}.`);
        return refresh();
      },
      onError: (error) => toast.error(errorMessage(error)),
    }),
  );
  return (
    <Select
      aria-label={`Role for ${who}`}
      className="w-32"
      // While it saves, the choice; after a refusal, the role they still have.
      value={change.isPending ? change.variables.role : role}
      disabled={change.isPending}
      onChange={(event) => change.mutate({ membershipId, role: event.target.value as Role })}
    >
      {roleOptions(roles).map(([value, label]) => (
        <option key={value} value={value}>
          {label}
        </option>
      ))}
    </Select>
  );
}

export function Members({
  me,
  clinicName,
  manage,
  manageOwners,
  assignable,
}: {
  me: string;
  clinicName: string;
  manage: boolean;
  manageOwners: boolean;
  assignable: readonly Role[];
}) {
  const trpc = useTRPC();
  const { timezone } = useClinic();
  const { data: members } = useSuspenseQuery(trpc.team.members.queryOptions());
  const refresh = useRefreshTeam();
  const remove = useMutation(trpc.team.removeMember.mutationOptions({ onSuccess: refresh }));
  type Member = (typeof members)[number];
  const who = (member: Member) => member.user.name ?? member.user.email;
  // Nobody changes their own role here, and only owners touch owners.
  const editable = (member: Member) => manage && member.userId !== me && (member.role !== "owner" || manageOwners);
  return (
    <DataTable
      rows={members}
      rowKey={(member) => member.id}
      columns={[
        {
          header: "Name",
          className: "font-medium",
          cell: (member) => (
            <>
              {member.user.name ?? "—"}
              {member.userId === me ? <span className="font-normal text-muted-foreground"> (you)</span> : null}
            </>
          ),
        },
        { header: "Email", cell: (member) => member.user.email },
        {
          header: "Role",
          cell: (member) =>
            editable(member) ? (
              <RoleSelect membershipId={member.id} role={member.role} roles={assignable} who={who(member)} />
            ) : (
              roleLabels[member.role]
            ),
        },
        { header: "Joined", className: "whitespace-nowrap", cell: (member) => formatDate(member.createdAt, timezone) },
      ]}
      confirm={
        manage
          ? (member) =>
              editable(member)
                ? {
                    label: "Remove",
                    question: `Remove ${who(member)} from ${clinicName}?`,
                    description: "They lose access at once. To come back, someone will have to invite them again.",
                    onConfirm: () => remove.mutateAsync({ membershipId: member.id }),
                  }
                : null
          : undefined
      }
    />
  );
}
