"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { ConfirmButton } from "@/components/confirm-button";
import { InlineAlert } from "@/components/field";
import { isRole, RoleOptions } from "@/components/roles";
import { trpc } from "@/trpc/client";
import { formErrors } from "@/trpc/errors";
import type { Role } from "@/trpc/types";

export function MemberRoleSelect({
  membershipId,
  role,
  roles,
  who,
}: {
  membershipId: string;
  role: Role;
  roles: readonly Role[];
  who: string;
}) {
  const router = useRouter();
  const [value, setValue] = useState(role);
  const change = useMutation({
    mutationFn: (next: Role) => trpc.team.changeRole.mutate({ membershipId, role: next }),
    onSuccess: () => router.refresh(),
    onError: () => setValue(role), // show the role they still have
  });
  return (
    <>
      <select
        aria-label={`Role for ${who}`}
        value={value}
        disabled={change.isPending}
        onChange={(event) => {
          const next = event.target.value;
          if (!isRole(next)) return;
          setValue(next);
          change.mutate(next);
        }}
      >
        <RoleOptions roles={roles} />
      </select>
      <InlineAlert message={formErrors(change.error).message} />
    </>
  );
}

export function RemoveMember({
  membershipId,
  who,
  clinicName,
}: {
  membershipId: string;
  who: string;
  clinicName: string;
}) {
  const router = useRouter();
  const remove = useMutation({
    mutationFn: () => trpc.team.removeMember.mutate({ membershipId }),
    onSuccess: () => router.refresh(),
  });
  return (
    <>
      <ConfirmButton
        label="Remove"
        question={`Remove ${who} from ${clinicName}?`}
        pending={remove.isPending}
        onConfirm={() => remove.mutate()}
      />
      <InlineAlert message={formErrors(remove.error).message} />
    </>
  );
}

export function RevokeInvitation({ invitationId, email }: { invitationId: string; email: string }) {
  const router = useRouter();
  const revoke = useMutation({
    mutationFn: () => trpc.team.revokeInvitation.mutate({ invitationId }),
    onSuccess: () => router.refresh(),
  });
  return (
    <>
      <ConfirmButton
        label="Revoke"
        question={`Withdraw the invitation for ${email}? The link stops working.`}
        pending={revoke.isPending}
        onConfirm={() => revoke.mutate()}
      />
      <InlineAlert message={formErrors(revoke.error).message} />
    </>
  );
}
