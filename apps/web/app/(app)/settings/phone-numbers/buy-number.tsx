"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { toast } from "sonner";
import { DataTable } from "@/components/data-table";
import { FormAlert, InputField, MutationForm, SubmitButton } from "@/components/forms";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { formatPhone } from "@/lib/format";
import { searchAvailableNumbersInput } from "@/lib/schemas";
import { errorMessage } from "@/trpc/errors";
import { useTRPC } from "@/trpc/react";

export function BuyNumber() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [areaCode, setAreaCode] = useState<string | null>(null);
  const form = useForm({ resolver: zodResolver(searchAvailableNumbersInput), defaultValues: { areaCode: "" } });
  const search = useQuery({
    ...trpc.phoneNumbers.search.queryOptions({ areaCode: areaCode ?? "" }),
    enabled: !!areaCode,
  });
  const buy = useMutation(
    trpc.phoneNumbers.buy.mutationOptions({
      onSuccess: (number) => {
        toast.success(`Buying ${formatPhone(number.e164)}. It shows as Active under Your numbers when it is ready.`);
        setAreaCode(null);
        return queryClient.invalidateQueries(trpc.phoneNumbers.pathFilter());
      },
      onError: (error) => toast.error(errorMessage(error)),
    }),
  );
  return (
    <div className="grid gap-4">
      <MutationForm form={form} onSubmit={async (values) => setAreaCode(values.areaCode)}>
        <div className="flex items-end gap-3">
          <InputField
            control={form.control}
            name="areaCode"
            label="Area code"
            inputMode="numeric"
            maxLength={3}
            placeholder="415"
            className="w-32"
          />
          <SubmitButton pendingLabel="Searching…">Search</SubmitButton>
        </div>
        <FormAlert />
      </MutationForm>
      {search.isError ? <Alert variant="destructive">{errorMessage(search.error)}</Alert> : null}
      {search.data?.length === 0 ? (
        <p className="text-muted-foreground text-sm">
          No numbers for sale in {areaCode}; try a neighbouring area code.
        </p>
      ) : null}
      {search.data?.length ? (
        <DataTable
          rows={search.data}
          rowKey={(n) => n.e164}
          columns={[
            { header: "Number", className: "font-medium tabular-nums", cell: (n) => formatPhone(n.e164) },
            { header: "Where", cell: (n) => [n.locality, n.region].filter(Boolean).join(", ") || "—" },
            {
              header: "Buy",
              hidden: true,
              cell: (n) => (
                <Button
                  size="sm"
                  aria-label={`Buy ${n.e164}`}
                  disabled={buy.isPending}
                  onClick={() => buy.mutate({ e164: n.e164 })}
                >
                  Buy
                </Button>
              ),
            },
          ]}
        />
      ) : null}
    </div>
  );
}
