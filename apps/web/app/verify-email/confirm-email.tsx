"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useOpenClinic } from "@/trpc/clinic-cookie";
import { errorMessage } from "@/trpc/errors";
import { useTRPC } from "@/trpc/react";

/** A button, not an automatic confirmation: mail scanners open links too. */
export function ConfirmEmail({ token }: { token: string }) {
  const trpc = useTRPC();
  const openClinic = useOpenClinic();
  const router = useRouter();
  const confirm = useMutation(
    trpc.account.verifyEmail.mutationOptions({
      // The sign-up's clinic, created now; none when the account was confirmed some other way.
      onSuccess: ({ clinicId }) => (clinicId ? openClinic(clinicId, "/dashboard") : router.push("/dashboard")),
    }),
  );
  return (
    <>
      {confirm.isError ? <Alert variant="destructive">{errorMessage(confirm.error)}</Alert> : null}
      <Button pending={confirm.isPending} disabled={confirm.isSuccess} onClick={() => confirm.mutate({ token })}>
        {confirm.isPending ? "Confirming…" : "Confirm email address"}
      </Button>
    </>
  );
}

export function ResendVerification() {
  const trpc = useTRPC();
  const resend = useMutation(trpc.account.resendVerification.mutationOptions());
  return (
    <>
      {resend.isError ? <Alert variant="destructive">{errorMessage(resend.error)}</Alert> : null}
      {resend.isSuccess ? <Alert variant="success">We sent a new link to your inbox.</Alert> : null}
      <Button variant="outline" pending={resend.isPending} onClick={() => resend.mutate()}>
        {resend.isPending ? "Sending…" : "Send a new link"}
      </Button>
    </>
  );
}
