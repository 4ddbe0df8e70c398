"use client";

import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { Phone } from "lucide-react";
import { DataTable } from "@/components/data-table";
import { EmptyState } from "@/components/empty-state";
import { formatDateTime } from "@/lib/format";
import { useClinic } from "@/shell/use-clinic";
import { useTRPC } from "@/trpc/react";

export function TwilioAccounts() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { timezone } = useClinic();
  const { data } = useSuspenseQuery(trpc.credentials.list.queryOptions());
  const remove = useMutation(
    trpc.credentials.remove.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries(trpc.credentials.pathFilter()),
    }),
  );
  const accounts = data.filter((c) => c.kind === "twilio");
  if (accounts.length === 0) {
    return <EmptyState icon={Phone}>No Twilio account connected. Add its Account SID and Auth Token below.</EmptyState>;
  }
  return (
    <DataTable
      rows={accounts}
      rowKey={(account) => account.id}
      columns={[
        { header: "Label", className: "font-medium", cell: (account) => account.label },
        {
          header: "Account",
          cell: (account) => <code>{String((account.publicData as { accountSid?: string }).accountSid ?? "")}</code>,
        },
        { header: "Updated", cell: (account) => formatDateTime(account.updatedAt, timezone) },
      ]}
      confirm={(account) => ({
        label: "Remove",
        question: `Remove “${account.label}”?`,
        description: "Texts from numbers on that account stop until you add it again.",
        onConfirm: () => remove.mutateAsync({ credentialId: account.id }),
      })}
    />
  );
}
