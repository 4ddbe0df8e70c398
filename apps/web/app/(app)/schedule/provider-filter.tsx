"use client";

import { useRouter } from "next/navigation";
import type { View } from "./types";

/** Which provider the calendar shows; a week always shows one, a day may show everyone. */
export function ProviderFilter({
  date,
  view,
  value,
  providers,
}: {
  date: string;
  view: View;
  value: string;
  providers: { id: string; name: string }[];
}) {
  const router = useRouter();
  return (
    <label className="schedule-filter">
      <span>Show</span>
      <select
        value={value}
        onChange={(event) => {
          const params = new URLSearchParams({ date, view });
          if (event.target.value) params.set("provider", event.target.value);
          router.push(`/schedule?${params}`);
        }}
      >
        {view === "day" ? <option value="">All providers</option> : null}
        {providers.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name}
          </option>
        ))}
      </select>
    </label>
  );
}
