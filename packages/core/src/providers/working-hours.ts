// Client-safe and pure: the one rule for a provider's working hours on a day, used by
// availability (find-open-slots) and by the dashboard's calendar, so the two never disagree.

export type Minutes = { startMinute: number; endMinute: number };

export type DayOverride = {
  kind: "closed" | "open";
  startMinute: number | null;
  endMinute: number | null;
  /** null: the whole clinic. */
  providerId: string | null;
};

/**
 * A provider's working intervals on one day, in minutes from local midnight. `overrides` are
 * that day's, for this provider or the whole clinic: the provider's own win over clinic-wide
 * ones, "closed" wins over "open", and an override replaces the weekly hours. `decidedBy` holds
 * the overrides that made the day what it is (none for a plain weekly day).
 */
export function workingHoursOn<O extends DayOverride>(
  weekday: number,
  weekly: readonly (Minutes & { weekday: number })[],
  overrides: readonly O[],
): { hours: Minutes[]; decidedBy: O[] } {
  const own = overrides.filter((o) => o.providerId !== null);
  const relevant = own.length > 0 ? own : overrides;
  const closed = relevant.find((o) => o.kind === "closed");
  if (closed) return { hours: [], decidedBy: [closed] };
  const open = relevant.filter((o) => o.kind === "open" && o.startMinute !== null && o.endMinute !== null);
  if (open.length > 0) {
    return {
      hours: open.map((o) => ({ startMinute: o.startMinute as number, endMinute: o.endMinute as number })),
      decidedBy: open,
    };
  }
  return {
    hours: weekly
      .filter((h) => h.weekday === weekday)
      .map(({ startMinute, endMinute }) => ({ startMinute, endMinute })),
    decidedBy: [],
  };
}
