"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { ConfirmButton } from "@/components/confirm-button";
import { InlineAlert } from "@/components/field";
import { trpc } from "@/trpc/client";
import { formErrors } from "@/trpc/errors";

export function RemoveCredential({ credentialId, label }: { credentialId: string; label: string }) {
  const router = useRouter();
  const remove = useMutation({
    mutationFn: () => trpc.credentials.remove.mutate({ credentialId }),
    onSuccess: () => router.refresh(),
  });
  return (
    <>
      <ConfirmButton
        label="Remove"
        question={`Remove “${label}”? Texts from numbers on that account stop until you add it again.`}
        pending={remove.isPending}
        onConfirm={() => remove.mutate()}
      />
      <InlineAlert message={formErrors(remove.error).message} />
    </>
  );
}
