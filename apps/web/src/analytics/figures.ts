// How the analytics page writes its numbers and compares them with the period before. Pure, so
// the rules (what counts as up, how a share or a duration reads) are pinned by a unit test.

export type Change = {
  direction: "up" | "down" | "same";
  /** "12%", "3 pts"; "new" when there was nothing before to compare with. */
  text: string;
  /** Whether the move is good news for the clinic; null when it is neither. */
  good: boolean | null;
};

/**
 * `current` against `previous`: relative (percent) for counts and money, in percentage points
 * for a share (conversion). `better` says which way is good news, if either is.
 */
export function changeOf(
  current: number | null,
  previous: number | null,
  { points = false, better = null }: { points?: boolean; better?: "up" | "down" | null } = {},
): Change | null {
  if (current === null || previous === null) return null;
  const judge = (direction: Change["direction"]) =>
    direction === "same" || better === null ? null : direction === better;
  if (points) {
    const delta = Math.round((current - previous) * 100);
    const direction = delta > 0 ? "up" : delta < 0 ? "down" : "same";
    return { direction, text: `${Math.abs(delta)} pts`, good: judge(direction) };
  }
  if (previous === 0) {
    return current === 0
      ? { direction: "same", text: "0%", good: null }
      : { direction: "up", text: "new", good: judge("up") };
  }
  const percent = Math.round(((current - previous) / previous) * 100);
  const direction = percent > 0 ? "up" : percent < 0 ? "down" : "same";
  return { direction, text: `${Math.abs(percent)}%`, good: judge(direction) };
}

const whole = new Intl.NumberFormat("en-US");
export const count = (value: number) => whole.format(value);

export const percent = (share: number | null) => (share === null ? "—" : `${Math.round(share * 100)}%`);

const dollars = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" });
export const money = (usd: number | null) => (usd === null ? "—" : dollars.format(usd));

/** Talk time as people say it: "3 min 42 s", "42 s", "12 h 5 min". */
export function talkTime(seconds: number | null) {
  if (seconds === null) return "—";
  const s = Math.round(seconds);
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min ${s % 60} s`;
  return `${Math.floor(s / 3600)} h ${Math.floor((s % 3600) / 60)} min`;
}

/** An hour of the clock in a heading: 0 -> "12 AM", 13 -> "1 PM". */
export const hourLabel = (hour: number) => `${hour % 12 === 0 ? 12 : hour % 12} ${hour < 12 ? "AM" : "PM"}`;
