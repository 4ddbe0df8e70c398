"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import type { FormEvent } from "react";
import { Field, FormAlert, SelectField } from "@/components/field";
import { isRole, RoleOptions } from "@/components/roles";
import { trpc } from "@/trpc/client";
import { formErrors } from "@/trpc/errors";
import type { Role, RouterInputs } from "@/trpc/types";

export function InviteForm({ roles }: { roles: readonly Role[] }) {
  const router = useRouter();
  const invite = useMutation({
    mutationFn: (input: RouterInputs["team"]["invite"]) => trpc.team.invite.mutate(input),
    onSuccess: () => router.refresh(),
  });
  const errors = formErrors(invite.error, ["email", "role"]);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const role = String(form.get("role"));
    invite.mutate(
      { email: String(form.get("email") ?? ""), role: isRole(role) ? role : "staff" },
      { onSuccess: () => formElement.reset() },
    );
  }

  return (
    <>
      {invite.data ? (
        <div className="notice" role="status">
          <p>
            Invitation sent to <strong>{invite.data.invitation.email}</strong>. The emailed link works once, for 7 days,
            and only from that inbox.
          </p>
        </div>
      ) : null}
      <form onSubmit={onSubmit} noValidate>
        <div className="columns">
          <Field label="Email" name="email" type="email" autoComplete="off" required error={errors.fields.email} />
          <SelectField label="Role" name="role" defaultValue="staff" error={errors.fields.role}>
            <RoleOptions roles={roles} describe />
          </SelectField>
        </div>
        <FormAlert message={errors.message} />
        <button className="button inline" type="submit" disabled={invite.isPending}>
          {invite.isPending ? "Sending…" : "Send invitation"}
        </button>
      </form>
    </>
  );
}
