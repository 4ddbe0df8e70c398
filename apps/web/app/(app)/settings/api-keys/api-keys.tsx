"use client";

import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { KeyRound } from "lucide-react";
import { EmptyState } from "@/components/empty-state";
import { roleLabels } from "@/components/roles";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
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
    <Table>
      <TableHeader>
        <TableRow>
          <TableHead>Name</TableHead>
          <TableHead>Key</TableHead>
          <TableHead>Role</TableHead>
          <TableHead>Last used</TableHead>
          <TableHead>Created</TableHead>
          <TableHead>Status</TableHead>
          <TableHead aria-label="Actions" />
        </TableRow>
      </TableHeader>
      <TableBody>
        {keys.map((key) => (
          <TableRow key={key.id} data-inactive={Boolean(key.revokedAt)}>
            <TableCell className="font-medium">{key.name}</TableCell>
            <TableCell>
              <code>{key.prefix}…</code>
            </TableCell>
            <TableCell>{roleLabels[key.role]}</TableCell>
            <TableCell>{key.lastUsedAt ? formatDateTime(key.lastUsedAt, timezone) : "Never"}</TableCell>
            <TableCell>{formatDateTime(key.createdAt, timezone)}</TableCell>
            <TableCell>{status(key, timezone)}</TableCell>
            <TableCell className="text-right">
              {key.revokedAt ? null : (
                <ConfirmDialog
                  label="Revoke"
                  question={`Revoke “${key.name}”?`}
                  description="Anything using it stops working at once."
                  onConfirm={() => revoke.mutateAsync({ apiKeyId: key.id })}
                />
              )}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
