"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useSuspenseQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useForm } from "react-hook-form";
import { toast } from "sonner";
import { FormAlert, InputField, MutationForm, SelectField, SubmitButton } from "@/components/forms";
import { formatPhone } from "@/lib/format";
import { placeTestCallInput } from "@/lib/schemas";
import { routes } from "@/routes";
import { useTRPC } from "@/trpc/react";

export function TestCallForm() {
  const trpc = useTRPC();
  const { data } = useSuspenseQuery(trpc.phoneNumbers.list.queryOptions());
  const active = data.filter((n) => n.status === "active");
  const form = useForm({
    resolver: zodResolver(placeTestCallInput),
    defaultValues: { phoneNumberId: active[0]?.id ?? "", to: "" },
  });
  const call = useMutation(
    trpc.phoneNumbers.testCall.mutationOptions({
      onSuccess: () => {
        toast.success("Calling you now. The call appears under Calls.");
      },
    }),
  );
  if (active.length === 0) {
    return (
      <p className="text-muted-foreground text-sm">
        Once a number shows as Active, you can have the assistant call you from it.
      </p>
    );
  }
  return (
    <MutationForm form={form} onSubmit={(values) => call.mutateAsync(values)}>
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField
          control={form.control}
          name="phoneNumberId"
          label="Call from"
          options={active.map(
            (n) => [n.id, n.label ? `${n.label} (${formatPhone(n.e164)})` : formatPhone(n.e164)] as const,
          )}
        />
        <InputField
          control={form.control}
          name="to"
          label="Your phone"
          type="tel"
          autoComplete="tel"
          placeholder="+14155550123"
          hint="International format, starting with + and the country code."
        />
      </div>
      <FormAlert />
      <div className="flex items-center gap-3">
        <SubmitButton pendingLabel="Calling…">Call my phone</SubmitButton>
        {call.isSuccess ? (
          <Link className="text-sm underline" href={routes.calls.path}>
            See it under Calls
          </Link>
        ) : null}
      </div>
    </MutationForm>
  );
}
