"use client";

import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { Phone } from "lucide-react";
import { useState } from "react";
import { toast } from "sonner";
import { DataTable } from "@/components/data-table";
import { EmptyState } from "@/components/empty-state";
import { Badge, type Tone } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { formatPhone } from "@/lib/format";
import type { phoneNumberSchema, z } from "@/lib/schemas";
import { errorMessage } from "@/trpc/errors";
import { useTRPC } from "@/trpc/react";

type PhoneNumber = z.infer<typeof phoneNumberSchema>;

const statusTone: Record<PhoneNumber["status"], Tone> = {
  pending: "info",
  active: "success",
  inactive: "neutral",
  failed: "danger",
  released: "neutral",
};
const statusWord: Record<PhoneNumber["status"], string> = {
  pending: "Setting up…",
  active: "Active",
  inactive: "Off",
  failed: "Failed",
  released: "Releasing…",
};

/** Invalidates the numbers list after a change, and says what went wrong when it fails. */
function useNumberChange() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return {
    onSuccess: () => queryClient.invalidateQueries(trpc.phoneNumbers.pathFilter()),
    onError: (error: unknown) => toast.error(errorMessage(error)),
  };
}

function LabelEditor({ number }: { number: PhoneNumber }) {
  const trpc = useTRPC();
  const [value, setValue] = useState(number.label ?? "");
  const label = useMutation(trpc.phoneNumbers.label.mutationOptions(useNumberChange()));
  const save = () => {
    if (value.trim() !== (number.label ?? "")) label.mutate({ phoneNumberId: number.id, label: value.trim() || null });
  };
  return (
    <Input
      aria-label={`Label for ${number.e164}`}
      className="h-8 w-40"
      maxLength={60}
      placeholder="Add a label"
      value={value}
      onChange={(event) => setValue(event.target.value)}
      onBlur={save}
      onKeyDown={(event) => {
        if (event.key === "Enter") save();
      }}
    />
  );
}

function AssistantPicker({ number }: { number: PhoneNumber }) {
  const trpc = useTRPC();
  const { data: assistants } = useSuspenseQuery(trpc.phoneNumbers.assistants.queryOptions());
  const assign = useMutation(trpc.phoneNumbers.assignAssistant.mutationOptions(useNumberChange()));
  return (
    <Select
      aria-label={`Assistant for ${number.e164}`}
      className="h-8 w-56"
      value={number.assistant?.id ?? ""}
      disabled={assign.isPending}
      onChange={(event) => assign.mutate({ phoneNumberId: number.id, assistantId: event.target.value || null })}
    >
      <option value="">Clinic's first assistant</option>
      {assistants.map((a) => (
        <option key={a.id} value={a.id}>
          {a.name}
        </option>
      ))}
    </Select>
  );
}

function ActiveToggle({ number }: { number: PhoneNumber }) {
  const trpc = useTRPC();
  const toggle = useMutation(trpc.phoneNumbers.setActive.mutationOptions(useNumberChange()));
  if (number.status !== "active" && number.status !== "inactive") return null;
  const active = number.status === "active";
  return (
    <Button
      size="sm"
      variant="outline"
      disabled={toggle.isPending}
      onClick={() => toggle.mutate({ phoneNumberId: number.id, active: !active })}
    >
      {active ? "Turn off" : "Turn on"}
    </Button>
  );
}

export function PhoneNumbersTable({ manage }: { manage: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { data } = useSuspenseQuery({
    ...trpc.phoneNumbers.list.queryOptions(),
    // Provisioning runs in the background: look again until nothing is being set up.
    refetchInterval: (query) => (query.state.data?.some((n) => n.status === "pending") ? 2000 : false),
  });
  const release = useMutation(
    trpc.phoneNumbers.release.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries(trpc.phoneNumbers.pathFilter()),
    }),
  );
  if (data.length === 0) {
    return (
      <EmptyState icon={Phone}>
        No numbers yet.{" "}
        {manage ? "Buy one or connect your own Twilio number below." : "Ask an owner or admin to add one."}
      </EmptyState>
    );
  }
  return (
    <DataTable
      rows={data}
      rowKey={(n) => n.id}
      inactive={(n) => n.status === "inactive"}
      columns={[
        {
          header: "Number",
          className: "font-medium",
          cell: (n) => (
            <div className="grid gap-0.5">
              <span className="whitespace-nowrap tabular-nums">{formatPhone(n.e164)}</span>
              <span className="text-muted-foreground text-xs">
                {n.source === "managed" ? "Bought through Frontdesk" : "Your Twilio account"}
              </span>
            </div>
          ),
        },
        { header: "Label", cell: (n) => (manage ? <LabelEditor number={n} /> : (n.label ?? "—")) },
        {
          header: "Status",
          cell: (n) => (
            <div className="grid max-w-64 gap-1">
              <Badge tone={statusTone[n.status]}>{statusWord[n.status]}</Badge>
              {n.syncError ? <span className="text-muted-foreground text-xs">{n.syncError}</span> : null}
            </div>
          ),
        },
        {
          header: "Assistant",
          cell: (n) => (manage ? <AssistantPicker number={n} /> : (n.assistant?.name ?? "Clinic's first assistant")),
        },
        manage && { header: "On/off", hidden: true, cell: (n) => <ActiveToggle number={n} /> },
      ]}
      confirm={
        manage
          ? (n) => ({
              label: "Release",
              question: `Release ${n.e164}?`,
              description:
                n.source === "managed"
                  ? "Calls to it stop at once and the number goes back to Twilio; you may not get it back."
                  : "Calls to it stop at once. It stays in your Twilio account, and its texts no longer come to Frontdesk.",
              variant: "destructive",
              onConfirm: () => release.mutateAsync({ phoneNumberId: n.id }),
            })
          : undefined
      }
    />
  );
}
