"use client";

import { SelectField } from "@/components/field";

/** "Any provider" or one of those offering the chosen appointment type. */
export function ProviderChoice({
  label,
  name,
  id,
  value,
  offering,
  onChange,
}: {
  label: string;
  name: string;
  id: string;
  value: string;
  offering: { id: string; name: string }[];
  onChange: (providerId: string) => void;
}) {
  return (
    <SelectField label={label} name={name} id={id} value={value} onChange={(event) => onChange(event.target.value)}>
      <option value="">Any provider</option>
      {offering.map((p) => (
        <option key={p.id} value={p.id}>
          {p.name}
        </option>
      ))}
    </SelectField>
  );
}
