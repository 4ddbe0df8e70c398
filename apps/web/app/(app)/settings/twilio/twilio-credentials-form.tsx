"use client";

import { twilioCredentialsInput } from "@frontdesk/core/schemas";
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useForm } from "react-hook-form";
import { toast } from "sonner";
import { FormAlert, InputField, MutationForm, SubmitButton } from "@/components/forms";
import { useTRPC } from "@/trpc/react";

export function TwilioCredentialsForm() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const form = useForm({
    resolver: zodResolver(twilioCredentialsInput),
    defaultValues: { accountSid: "", authToken: "", label: "Twilio" },
  });
  const save = useMutation(
    trpc.credentials.setTwilio.mutationOptions({
      onSuccess: () => {
        form.reset();
        toast.success("Saved. Texts from your own numbers now go out on this account.");
        return queryClient.invalidateQueries(trpc.credentials.pathFilter());
      },
    }),
  );
  return (
    <MutationForm form={form} onSubmit={(values) => save.mutateAsync(values)}>
      <div className="grid gap-4 sm:grid-cols-3">
        <InputField control={form.control} name="accountSid" label="Account SID" autoComplete="off" placeholder="AC…" />
        <InputField control={form.control} name="authToken" label="Auth Token" type="password" autoComplete="off" />
        <InputField control={form.control} name="label" label="Label" autoComplete="off" />
      </div>
      <FormAlert />
      <SubmitButton pendingLabel="Saving…">Save account</SubmitButton>
    </MutationForm>
  );
}
