"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useForm } from "react-hook-form";
import { CopyField } from "@/components/copy-button";
import { FormAlert, InputField, MutationForm, SelectField, SubmitButton } from "@/components/forms";
import { roleOptions } from "@/components/roles";
import { Button } from "@/components/ui/button";
import {
  Dialog,
  DialogClose,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
} from "@/components/ui/dialog";
import { createApiKeyInput } from "@/lib/schemas";
import { useTRPC } from "@/trpc/react";
import type { Role } from "@/trpc/types";

export function CreateApiKeyForm({ roles }: { roles: readonly Role[] }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const form = useForm({
    resolver: zodResolver(createApiKeyInput),
    defaultValues: { name: "", role: roles.includes("staff") ? "staff" : roles[0], expiresAt: null },
  });
  const create = useMutation(
    trpc.apiKeys.create.mutationOptions({
      onSuccess: () => {
        form.reset();
        return queryClient.invalidateQueries(trpc.apiKeys.pathFilter());
      },
    }),
  );
  return (
    <>
      <MutationForm form={form} onSubmit={(values) => create.mutateAsync(values)}>
        <div className="grid gap-4 sm:grid-cols-2">
          <InputField
            control={form.control}
            name="name"
            label="Name"
            autoComplete="off"
            placeholder="e.g. EHR sync"
            hint="Name it after what will use it."
          />
          <SelectField
            control={form.control}
            name="role"
            label="Role"
            hint="The key can do what a member with this role can."
            options={roleOptions(roles)}
          />
          <InputField
            control={form.control}
            name="expiresAt"
            label="Expires"
            type="datetime-local"
            optional
            hint="Optional: leave blank to keep it until it is revoked."
          />
        </div>
        <FormAlert />
        <SubmitButton pendingLabel="Creating…">Create key</SubmitButton>
      </MutationForm>
      {/* The secret is shown once: a dialog, so it isn't missed below the fold. */}
      <Dialog open={Boolean(create.data)} onOpenChange={(open) => open || create.reset()}>
        <DialogContent>
          <DialogHeader>
            <DialogTitle>Copy the key for “{create.data?.apiKey.name}” now</DialogTitle>
            <DialogDescription>
              It won't be shown again. We only keep a fingerprint of it; if it's lost, revoke it and create a new one.
            </DialogDescription>
          </DialogHeader>
          <CopyField label="New API key" value={create.data?.key ?? ""} />
          <DialogFooter>
            <DialogClose asChild>
              <Button>I've copied it</Button>
            </DialogClose>
          </DialogFooter>
        </DialogContent>
      </Dialog>
    </>
  );
}
