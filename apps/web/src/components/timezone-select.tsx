"use client";

import { useEffect, useState } from "react";
import { SelectField } from "./field";

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

type Props = { defaultValue?: string; error?: string };

/** Without a default, starts at the browser's zone (after mount, so server and client HTML agree). */
export function TimezoneSelect({ defaultValue, error }: Props) {
  const [zone, setZone] = useState(defaultValue ?? "America/New_York");
  useEffect(() => {
    if (defaultValue) return;
    const browser = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (ZONES.includes(browser)) setZone(browser);
  }, [defaultValue]);
  // A clinic saved with a zone outside the list keeps it selectable.
  const zones = ZONES.includes(zone) ? ZONES : [zone, ...ZONES];
  return (
    <SelectField
      label="Timezone"
      name="timezone"
      value={zone}
      onChange={(event) => setZone(event.target.value)}
      error={error}
      hint="Appointments, hours and the call log use this zone."
    >
      {zones.map((z) => (
        <option key={z} value={z}>
          {z.replaceAll("_", " ")}
        </option>
      ))}
    </SelectField>
  );
}
