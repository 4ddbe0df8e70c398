"use client";

import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { KeyRound } from "lucide-react";
import { DataTable } from "@/components/data-table";
import { EmptyState } from "@/components/empty-state";
import { roleLabels } from "@/components/roles";
import { formatDateTime } from "@/lib/format";
import { useClinic } from "@/shell/use-clinic";
import { useTRPC } from "@/trpc/react";

function status(key: { revokedAt: Date | null; expiresAt: Date | null }, timeZone: string) {
  if (key.revokedAt) return `Revoked ${formatDateTime(key.revokedAt, timeZone)}`;
  if (key.expiresAt && key.expiresAt <= new Date()) return `Expired ${formatDateTime(key.expiresAt, timeZone)}`;
  return key.expiresAt ? `Active until ${formatDateTime(key.expiresAt, timeZone)}` : "Active";
}

export function ApiKeys() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { timezone } = useClinic();
  const { data: keys } = useSuspenseQuery(trpc.apiKeys.list.queryOptions());
  const revoke = useMutation(
    trpc.apiKeys.revoke.mutationOptions({ onSuccess: () => queryClient.invalidateQueries(trpc.apiKeys.pathFilter()) }),
  );
  if (keys.length === 0) {
    return <EmptyState icon={KeyRound}>No API keys yet. Create one below for each system that connects.</EmptyState>;
  }
  return (
    <DataTable
      rows={keys}
      rowKey={(key) => key.id}
      inactive={(key) => Boolean(key.revokedAt)}
      columns={[
        { header: "Name", className: "font-medium", cell: (key) => key.name },
        { header: "Key", cell: (key) => <code>{key.prefix}…</code> },
        { header: "Role", cell: (key) => roleLabels[key.role] },
        { header: "Last used", cell: (key) => (key.lastUsedAt ? formatDateTime(key.lastUsedAt, timezone) : "Never") },
        { header: "Created", cell: (key) => formatDateTime(key.createdAt, timezone) },
        { header: "Status", cell: (key) => status(key, timezone) },
      ]}
      confirm={(key) =>
        key.revokedAt
          ? null
          : {
              label: "Revoke",
              question: `Revoke “${key.name}”?`,
              description: "Anything using it stops working at once.",
              onConfirm: () => revoke.mutateAsync({ apiKeyId: key.id }),
            }
      }
    />
  );
}
