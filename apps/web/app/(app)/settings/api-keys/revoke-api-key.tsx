"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { ConfirmButton } from "@/components/confirm-button";
import { InlineAlert } from "@/components/field";
import { trpc } from "@/trpc/client";
import { formErrors } from "@/trpc/errors";

export function RevokeApiKey({ apiKeyId, name }: { apiKeyId: string; name: string }) {
  const router = useRouter();
  const revoke = useMutation({
    mutationFn: () => trpc.apiKeys.revoke.mutate({ apiKeyId }),
    onSuccess: () => router.refresh(),
  });
  return (
    <>
      <ConfirmButton
        label="Revoke"
        question={`Revoke “${name}”? Anything using it stops working at once.`}
        pending={revoke.isPending}
        onConfirm={() => revoke.mutate()}
      />
      <InlineAlert message={formErrors(revoke.error).message} />
    </>
  );
}
