"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { FormAlert } from "@/components/field";
import { trpc } from "@/trpc/client";
import { chooseClinic } from "@/trpc/clinic-cookie";
import { formErrors } from "@/trpc/errors";

/** A button, not an automatic confirmation: mail scanners open links too. */
export function ConfirmEmail({ token }: { token: string }) {
  const router = useRouter();
  const confirm = useMutation({
    mutationFn: () => trpc.account.verifyEmail.mutate({ token }),
    onSuccess: ({ clinicId }) => {
      if (clinicId) chooseClinic(clinicId);
      router.push("/dashboard");
      router.refresh();
    },
  });
  return (
    <>
      <FormAlert message={formErrors(confirm.error).message} />
      <button
        type="button"
        className="button"
        disabled={confirm.isPending || confirm.isSuccess}
        onClick={() => confirm.mutate()}
      >
        {confirm.isPending ? "Confirming…" : "Confirm email address"}
      </button>
    </>
  );
}

export function ResendVerification() {
  const resend = useMutation({ mutationFn: () => trpc.account.resendVerification.mutate() });
  return (
    <>
      <FormAlert message={formErrors(resend.error).message} />
      {resend.isSuccess ? (
        <p className="notice" role="status">
          We sent a new link to your inbox.
        </p>
      ) : null}
      <button type="button" className="button" disabled={resend.isPending} onClick={() => resend.mutate()}>
        {resend.isPending ? "Sending…" : "Send a new link"}
      </button>
    </>
  );
}
