"use client";

import { Bot } from "lucide-react";
import { DataTable, EditLink } from "@/components/data-table";
import { EmptyState } from "@/components/empty-state";
import { Badge } from "@/components/ui/badge";
import { SyncBadge } from "./sync-badge";
import { roleLabel, useAssistants } from "./use-assistants";

export function AssistantsTable({ edit }: { edit: boolean }) {
  const assistants = useAssistants();
  if (assistants.length === 0) {
    return (
      <EmptyState icon={Bot}>
        {edit
          ? "No assistant yet: calls are answered with Frontdesk's standard receptionist. Add one below to choose its words and voice."
          : "No assistant yet: calls are answered with Frontdesk's standard receptionist."}
      </EmptyState>
    );
  }
  return (
    <DataTable
      rows={assistants}
      rowKey={(a) => a.id}
      columns={[
        {
          header: "Name",
          className: "font-medium",
          cell: (a) => (
            <span className="flex items-center gap-2">
              {a.name}
              {a.isDefault ? <Badge tone="info">Default</Badge> : null}
            </span>
          ),
        },
        { header: "Role", cell: (a) => roleLabel[a.role] },
        { header: "Voice", cell: (a) => `${a.voiceId} (${a.voiceProvider})` },
        { header: "Model", cell: (a) => a.model },
        {
          header: "Numbers",
          cell: (a) =>
            a.phoneNumbers.length > 0 ? (
              a.phoneNumbers.map((n) => n.label ?? n.e164).join(", ")
            ) : (
              <span className="text-muted-foreground">{a.isDefault ? "All without their own" : "None"}</span>
            ),
        },
        {
          header: "Vapi",
          cell: (a) => (
            <span className="grid gap-0.5">
              <SyncBadge status={a.syncStatus} />
              {a.syncError ? <span className="max-w-64 text-muted-foreground text-xs">{a.syncError}</span> : null}
            </span>
          ),
        },
        edit && {
          header: "Actions",
          hidden: true,
          cell: (a) => <EditLink href={`/settings/assistants?assistant=${a.id}`} name={a.name} />,
        },
      ]}
    />
  );
}
