export type Tone = "neutral" | "info" | "success" | "warning" | "danger";

/** A short status word in a coloured pill; the word carries the meaning, the colour only helps. */
export function Badge({ tone = "neutral", children }: { tone?: Tone; children: string }) {
  return <span className={`badge ${tone}`}>{children}</span>;
}
