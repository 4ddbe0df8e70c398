"use client";

import { inviteInput } from "@frontdesk/core/schemas";
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useForm } from "react-hook-form";
import { FormAlert, InputField, MutationForm, SelectField, SubmitButton } from "@/components/forms";
import { roleOptions } from "@/components/roles";
import { Alert } from "@/components/ui/alert";
import { useTRPC } from "@/trpc/react";
import type { Role } from "@/trpc/types";

export function InviteForm({ roles }: { roles: readonly Role[] }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const form = useForm({ resolver: zodResolver(inviteInput), defaultValues: { email: "", role: "staff" as Role } });
  const invite = useMutation(
    trpc.team.invite.mutationOptions({
      onSuccess: () => {
        form.reset();
        return queryClient.invalidateQueries(trpc.team.invitations.queryFilter());
      },
    }),
  );
  return (
    <div className="grid gap-4">
      {invite.data ? (
        <Alert variant="success">
          Invitation sent to <strong>{invite.data.invitation.email}</strong>. The emailed link works once, for 7 days,
          and only from that inbox.
        </Alert>
      ) : null}
      <MutationForm form={form} onSubmit={(values) => invite.mutateAsync(values)}>
        <div className="grid gap-4 sm:grid-cols-2">
          <InputField control={form.control} name="email" label="Email" type="email" autoComplete="off" />
          <SelectField control={form.control} name="role" label="Role" options={roleOptions(roles, true)} />
        </div>
        <FormAlert />
        <SubmitButton pendingLabel="Sending…">Send invitation</SubmitButton>
      </MutationForm>
    </div>
  );
}
