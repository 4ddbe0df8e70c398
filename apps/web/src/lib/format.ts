/** A date and time as people in `timeZone` read it, e.g. "Mar 4, 2026, 9:05 AM". */
export const formatDateTime = (date: Date, timeZone: string) =>
  new Intl.DateTimeFormat("en-US", { timeZone, dateStyle: "medium", timeStyle: "short" }).format(date);

/** A calendar date in `timeZone`, e.g. "Mar 4, 2026". */
export const formatDate = (date: Date, timeZone: string) =>
  new Intl.DateTimeFormat("en-US", { timeZone, dateStyle: "medium" }).format(date);

/** A stored E.164 number as people write it: North American ones as "+1 (415) 555-0100". */
export function formatPhone(e164: string) {
  const nanp = /^\+1(\d{3})(\d{3})(\d{4})$/.exec(e164);
  return nanp ? `+1 (${nanp[1]}) ${nanp[2]}-${nanp[3]}` : e164;
}

export const fullName = (person: { firstName: string; lastName: string }) => `${person.firstName} ${person.lastName}`;
