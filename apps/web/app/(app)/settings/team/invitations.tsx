"use client";

import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { Mail } from "lucide-react";
import { EmptyState } from "@/components/empty-state";
import { roleLabels } from "@/components/roles";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { formatDate } from "@/lib/format";
import { useClinic } from "@/shell/use-clinic";
import { useTRPC } from "@/trpc/react";

export function Invitations() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { timezone } = useClinic();
  const { data: invitations } = useSuspenseQuery(trpc.team.invitations.queryOptions());
  const revoke = useMutation(
    trpc.team.revokeInvitation.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries(trpc.team.invitations.queryFilter()),
    }),
  );
  if (invitations.length === 0) {
    return (
      <EmptyState icon={Mail}>
        No pending invitations. Invite someone below; the link in their email works once.
      </EmptyState>
    );
  }
  return (
    <Table>
      <TableHeader>
        <TableRow>
          <TableHead>Email</TableHead>
          <TableHead>Role</TableHead>
          <TableHead>Expires</TableHead>
          <TableHead aria-label="Actions" />
        </TableRow>
      </TableHeader>
      <TableBody>
        {invitations.map((invitation) => (
          <TableRow key={invitation.id}>
            <TableCell>{invitation.email}</TableCell>
            <TableCell>{roleLabels[invitation.role]}</TableCell>
            <TableCell>{formatDate(invitation.expiresAt, timezone)}</TableCell>
            <TableCell className="text-right">
              <ConfirmDialog
                label="Revoke"
                question={`Withdraw the invitation for ${invitation.email}?`}
                description="The link in their email stops working."
                onConfirm={() => revoke.mutateAsync({ invitationId: invitation.id })}
              />
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
