"use client";

import { Label } from "@/components/ui/label";
import { Select } from "@/components/ui/select";

/** "Any provider" or one of those offering the chosen appointment type. */
export function ProviderChoice({
  label,
  id,
  value,
  offering,
  onChange,
}: {
  label: string;
  id: string;
  value: string;
  offering: { id: string; name: string }[];
  onChange: (providerId: string) => void;
}) {
  return (
    <div className="grid gap-1.5">
      <Label htmlFor={id}>{label}</Label>
      <Select id={id} value={value} onChange={(event) => onChange(event.target.value)}>
        <option value="">Any provider</option>
        {offering.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name}
          </option>
        ))}
      </Select>
    </div>
  );
}
