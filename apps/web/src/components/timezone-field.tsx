"use client";

import { useEffect } from "react";
import { type Control, type FieldPath, type FieldValues, useFormContext } from "react-hook-form";
import { SelectField } from "./forms";

// The zones most clinics are in; the browser's own zone is preselected when it is one of them.
const ZONES = [
  "America/New_York",
  "America/Chicago",
  "America/Denver",
  "America/Phoenix",
  "America/Los_Angeles",
  "America/Anchorage",
  "Pacific/Honolulu",
  "America/Halifax",
  "America/St_Johns",
  "America/Toronto",
  "America/Vancouver",
  "America/Mexico_City",
  "America/Bogota",
  "America/Sao_Paulo",
  "America/Argentina/Buenos_Aires",
  "Europe/London",
  "Europe/Dublin",
  "Europe/Lisbon",
  "Europe/Madrid",
  "Europe/Paris",
  "Europe/Amsterdam",
  "Europe/Berlin",
  "Europe/Rome",
  "Europe/Stockholm",
  "Europe/Warsaw",
  "Europe/Athens",
  "Europe/Helsinki",
  "Europe/Istanbul",
  "Africa/Lagos",
  "Africa/Cairo",
  "Africa/Johannesburg",
  "Asia/Dubai",
  "Asia/Kolkata",
  "Asia/Singapore",
  "Asia/Hong_Kong",
  "Asia/Shanghai",
  "Asia/Tokyo",
  "Asia/Seoul",
  "Australia/Perth",
  "Australia/Adelaide",
  "Australia/Brisbane",
  "Australia/Sydney",
  "Australia/Melbourne",
  "Pacific/Auckland",
  "UTC",
];

/**
 * The clinic's timezone. A blank value becomes the browser's zone when it is in the list, else
 * New York (after mount, so server and client HTML agree); a saved zone outside the list stays
 * selectable.
 */
export function TimezoneField<T extends FieldValues>({ control, name }: { control: Control<T>; name: FieldPath<T> }) {
  const { getValues, setValue, watch } = useFormContext<T>();
  useEffect(() => {
    const browser = Intl.DateTimeFormat().resolvedOptions().timeZone;
    const zone = ZONES.includes(browser) ? browser : "America/New_York";
    // biome-ignore lint/suspicious/noExplicitAny: the field's value is a zone name, whatever the form
    if (!getValues(name)) setValue(name, zone as any);
  }, [getValues, setValue, name]);
  const current: string = watch(name) ?? "";
  const zones = !current || ZONES.includes(current) ? ZONES : [current, ...ZONES];
  return (
    <SelectField
      control={control}
      name={name}
      label="Timezone"
      hint="Appointments, hours and the call log use this zone."
      options={[
        ...(current ? [] : [["", "Choose a timezone"] as const]),
        ...zones.map((zone) => [zone, zone.replaceAll("_", " ")] as const),
      ]}
    />
  );
}
