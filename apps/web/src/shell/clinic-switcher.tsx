"use client";

import { useSuspenseQuery } from "@tanstack/react-query";
import { Select } from "@/components/ui/select";
import { useOpenClinic } from "@/trpc/clinic-cookie";
import { useTRPC } from "@/trpc/react";

/** Remembers the choice in the clinic cookie and shows the page again for that clinic. */
export function ClinicSwitcher({ currentId }: { currentId: string | null }) {
  const openClinic = useOpenClinic();
  const trpc = useTRPC();
  const { data: clinics } = useSuspenseQuery(trpc.account.clinics.queryOptions());
  if (clinics.length === 0) return null;
  return (
    <Select aria-label="Clinic" value={currentId ?? ""} onChange={(event) => openClinic(event.target.value)}>
      {currentId ? null : (
        <option value="" disabled>
          Choose a clinic
        </option>
      )}
      {clinics.map((clinic) => (
        <option key={clinic.id} value={clinic.id}>
          {clinic.status === "suspended" ? `${clinic.name} (suspended)` : clinic.name}
        </option>
      ))}
    </Select>
  );
}
