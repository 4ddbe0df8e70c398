"use client";

import { useMutation } from "@tanstack/react-query";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useOpenClinic } from "@/trpc/clinic-cookie";
import { errorMessage } from "@/trpc/errors";
import { useTRPC } from "@/trpc/react";

export function AcceptInvitation({ token }: { token: string }) {
  const openClinic = useOpenClinic();
  const trpc = useTRPC();
  const accept = useMutation(
    trpc.account.acceptInvitation.mutationOptions({ onSuccess: ({ clinicId }) => openClinic(clinicId, "/dashboard") }),
  );
  return (
    <>
      {accept.isError ? <Alert variant="destructive">{errorMessage(accept.error)}</Alert> : null}
      <Button pending={accept.isPending} disabled={accept.isSuccess} onClick={() => accept.mutate({ token })}>
        {accept.isPending ? "Joining…" : "Accept invitation"}
      </Button>
    </>
  );
}
