"use client";

import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { Mail } from "lucide-react";
import { DataTable } from "@/components/data-table";
import { EmptyState } from "@/components/empty-state";
import { roleLabels } from "@/components/roles";
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
    <DataTable
      rows={invitations}
      rowKey={(invitation) => invitation.id}
      columns={[
        { header: "Email", cell: (invitation) => invitation.email },
        { header: "Role", cell: (invitation) => roleLabels[invitation.role] },
        { header: "Expires", cell: (invitation) => formatDate(invitation.expiresAt, timezone) },
      ]}
      confirm={(invitation) => ({
        label: "Revoke",
        question: `Withdraw the invitation for ${invitation.email}?`,
        description: "The link in their email stops working.",
        onConfirm: () => revoke.mutateAsync({ invitationId: invitation.id }),
      })}
    />
  );
}
