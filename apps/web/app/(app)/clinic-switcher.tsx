"use client";

import { useRouter } from "next/navigation";
import { chooseClinic } from "@/trpc/clinic-cookie";

type Props = { clinics: { id: string; name: string; suspended: boolean }[]; currentId: string | null };

/** Remembers the choice in the clinic cookie and re-renders the page for that clinic. */
export function ClinicSwitcher({ clinics, currentId }: Props) {
  const router = useRouter();
  return (
    <select
      aria-label="Clinic"
      className="clinic-switcher"
      value={currentId ?? ""}
      onChange={(event) => {
        chooseClinic(event.target.value);
        router.refresh();
      }}
    >
      {currentId ? null : (
        <option value="" disabled>
          Choose a clinic
        </option>
      )}
      {clinics.map((clinic) => (
        <option key={clinic.id} value={clinic.id}>
          {clinic.suspended ? `${clinic.name} (suspended)` : clinic.name}
        </option>
      ))}
    </select>
  );
}
