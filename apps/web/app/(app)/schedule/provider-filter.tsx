"use client";

import { useRouter } from "next/navigation";
import { Select } from "@/components/ui/select";
import { scheduleHref, type View } from "@/schedule/calendar";

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
    <div className="flex items-center gap-2 text-sm">
      <label htmlFor="show-provider" className="text-muted-foreground">
        Show
      </label>
      <Select
        id="show-provider"
        value={value}
        className="w-48 [&_select]:h-8"
        onChange={(event) => router.push(scheduleHref(date, view, event.target.value || null))}
      >
        {view === "day" ? <option value="">All providers</option> : null}
        {providers.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name}
          </option>
        ))}
      </Select>
    </div>
  );
}
