"use client";

import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { toast } from "sonner";
import { roleLabels, roleOptions } from "@/components/roles";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Select } from "@/components/ui/select";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
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
  return (
    <Table>
      <TableHeader>
        <TableRow>
          <TableHead>Name</TableHead>
          <TableHead>Email</TableHead>
          <TableHead>Role</TableHead>
          <TableHead>Joined</TableHead>
          {manage ? <TableHead aria-label="Actions" /> : null}
        </TableRow>
      </TableHeader>
      <TableBody>
        {members.map((member) => {
          const self = member.userId === me;
          const who = member.user.name ?? member.user.email;
          const editable = manage && !self && (member.role !== "owner" || manageOwners);
          return (
            <TableRow key={member.id}>
              <TableCell className="font-medium">
                {member.user.name ?? "—"}
                {self ? <span className="font-normal text-muted-foreground"> (you)</span> : null}
              </TableCell>
              <TableCell>{member.user.email}</TableCell>
              <TableCell>
                {editable ? (
                  <RoleSelect membershipId={member.id} role={member.role} roles={assignable} who={who} />
                ) : (
                  roleLabels[member.role]
                )}
              </TableCell>
              <TableCell className="whitespace-nowrap">{formatDate(member.createdAt, timezone)}</TableCell>
              {manage ? (
                <TableCell className="text-right">
                  {editable ? (
                    <ConfirmDialog
                      label="Remove"
                      question={`Remove ${who} from ${clinicName}?`}
                      description="They lose access at once. To come back, someone will have to invite them again."
                      onConfirm={() => remove.mutateAsync({ membershipId: member.id })}
                    />
                  ) : null}
                </TableCell>
              ) : null}
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
