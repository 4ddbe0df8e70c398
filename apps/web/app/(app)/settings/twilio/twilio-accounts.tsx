"use client";

import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { Phone } from "lucide-react";
import { EmptyState } from "@/components/empty-state";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
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
    <Table>
      <TableHeader>
        <TableRow>
          <TableHead>Label</TableHead>
          <TableHead>Account</TableHead>
          <TableHead>Updated</TableHead>
          <TableHead aria-label="Actions" />
        </TableRow>
      </TableHeader>
      <TableBody>
        {accounts.map((account) => (
          <TableRow key={account.id}>
            <TableCell className="font-medium">{account.label}</TableCell>
            <TableCell>
              <code>{String((account.publicData as { accountSid?: string }).accountSid ?? "")}</code>
            </TableCell>
            <TableCell>{formatDateTime(account.updatedAt, timezone)}</TableCell>
            <TableCell className="text-right">
              <ConfirmDialog
                label="Remove"
                question={`Remove “${account.label}”?`}
                description="Texts from numbers on that account stop until you add it again."
                onConfirm={() => remove.mutateAsync({ credentialId: account.id })}
              />
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
