"use client";

import { useMutation } from "@tanstack/react-query";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { useOpenClinic } from "@/trpc/clinic-cookie";
import { useTRPC } from "@/trpc/react";

export function LeaveClinic({ clinicName }: { clinicName: string }) {
  const openClinic = useOpenClinic();
  const trpc = useTRPC();
  const leave = useMutation(trpc.clinic.leave.mutationOptions({ onSuccess: () => openClinic(null, "/dashboard") }));
  return (
    <ConfirmDialog
      label="Leave clinic"
      question={`Leave ${clinicName}?`}
      confirmLabel="Yes, leave"
      size="default"
      onConfirm={() => leave.mutateAsync()}
    />
  );
}
