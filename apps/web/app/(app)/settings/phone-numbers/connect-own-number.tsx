"use client";

import { useMutation, useQuery, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { toast } from "sonner";
import { DataTable } from "@/components/data-table";
import { EmptyState } from "@/components/empty-state";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Label } from "@/components/ui/label";
import { Select } from "@/components/ui/select";
import { formatPhone } from "@/lib/format";
import { routes } from "@/routes";
import { errorMessage } from "@/trpc/errors";
import { useTRPC } from "@/trpc/react";

/** The credential Frontdesk keeps for numbers it bought (see core's phone-numbers/deps). */
const MANAGED = "Frontdesk-managed numbers";

export function ConnectOwnNumber() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { data: credentials } = useSuspenseQuery(trpc.credentials.list.queryOptions());
  const accounts = credentials.filter((c) => c.kind === "twilio" && c.label !== MANAGED);
  const [credentialId, setCredentialId] = useState(accounts[0]?.id ?? "");
  const numbers = useQuery({
    ...trpc.phoneNumbers.twilioNumbers.queryOptions({ credentialId }),
    enabled: credentialId !== "",
  });
  const connect = useMutation(
    trpc.phoneNumbers.connect.mutationOptions({
      onSuccess: (number) => {
        toast.success(
          `Connecting ${formatPhone(number.e164)}. It shows as Active under Your numbers when it is ready.`,
        );
        return queryClient.invalidateQueries(trpc.phoneNumbers.pathFilter());
      },
      onError: (error) => toast.error(errorMessage(error)),
    }),
  );
  if (accounts.length === 0) {
    return (
      <EmptyState>
        No Twilio account saved yet.{" "}
        <Link href={routes.twilio.path} className="underline">
          Add your Account SID and Auth Token
        </Link>
        , then come back to pick a number.
      </EmptyState>
    );
  }
  return (
    <div className="grid gap-4">
      {accounts.length > 1 ? (
        <div className="grid w-64 gap-2">
          <Label htmlFor="twilio-account">Twilio account</Label>
          <Select id="twilio-account" value={credentialId} onChange={(event) => setCredentialId(event.target.value)}>
            {accounts.map((a) => (
              <option key={a.id} value={a.id}>
                {a.label}
              </option>
            ))}
          </Select>
        </div>
      ) : null}
      {numbers.isPending ? (
        <p className="text-muted-foreground text-sm">Asking Twilio for the account's numbers…</p>
      ) : null}
      {numbers.isError ? <Alert variant="destructive">{errorMessage(numbers.error)}</Alert> : null}
      {numbers.data?.length === 0 ? (
        <p className="text-muted-foreground text-sm">That Twilio account has no numbers; buy one in Twilio or above.</p>
      ) : null}
      {numbers.data?.length ? (
        <DataTable
          rows={numbers.data}
          rowKey={(n) => n.e164}
          columns={[
            { header: "Number", className: "font-medium tabular-nums", cell: (n) => formatPhone(n.e164) },
            { header: "Name in Twilio", cell: (n) => n.friendlyName },
            {
              header: "Connect",
              hidden: true,
              cell: (n) =>
                n.connected ? (
                  <span className="text-muted-foreground text-sm">Connected</span>
                ) : (
                  <Button
                    size="sm"
                    aria-label={`Connect ${n.e164}`}
                    disabled={connect.isPending}
                    onClick={() => connect.mutate({ credentialId, e164: n.e164, label: n.friendlyName.slice(0, 60) })}
                  >
                    Connect
                  </Button>
                ),
            },
          ]}
        />
      ) : null}
    </div>
  );
}
