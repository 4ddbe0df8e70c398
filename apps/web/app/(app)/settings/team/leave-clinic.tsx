"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { ConfirmButton } from "@/components/confirm-button";
import { FormAlert } from "@/components/field";
import { trpc } from "@/trpc/client";
import { forgetClinic } from "@/trpc/clinic-cookie";
import { formErrors } from "@/trpc/errors";

export function LeaveClinic({ clinicName }: { clinicName: string }) {
  const router = useRouter();
  const leave = useMutation({
    mutationFn: () => trpc.clinic.leave.mutate(),
    onSuccess: () => {
      forgetClinic();
      router.push("/dashboard");
      router.refresh();
    },
  });
  return (
    <>
      <FormAlert message={formErrors(leave.error).message} />
      <ConfirmButton
        label="Leave clinic"
        question={`Leave ${clinicName}?`}
        confirmLabel="Yes, leave"
        pending={leave.isPending || leave.isSuccess}
        onConfirm={() => leave.mutate()}
      />
    </>
  );
}
