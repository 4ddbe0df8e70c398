"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { FormAlert } from "@/components/field";
import { trpc } from "@/trpc/client";
import { chooseClinic } from "@/trpc/clinic-cookie";
import { formErrors } from "@/trpc/errors";

export function AcceptInvitation({ token }: { token: string }) {
  const router = useRouter();
  const accept = useMutation({
    mutationFn: () => trpc.account.acceptInvitation.mutate({ token }),
    onSuccess: ({ clinicId }) => {
      chooseClinic(clinicId);
      router.push("/dashboard");
      router.refresh();
    },
  });
  return (
    <>
      <FormAlert message={formErrors(accept.error).message} />
      <button
        type="button"
        className="button"
        disabled={accept.isPending || accept.isSuccess}
        onClick={() => accept.mutate()}
      >
        {accept.isPending ? "Joining…" : "Accept invitation"}
      </button>
    </>
  );
}
