// A small server-rendered bar chart (SVG, no client script): one bar per label, the value on
// hover (an SVG title) and the whole in the image's accessible name.
export type Bar = { label: string; value: number; title: string };

export function BarChart({ bars, caption, unit }: { bars: Bar[]; caption: string; unit: string }) {
  const max = Math.max(1, ...bars.map((b) => b.value));
  const width = 640;
  const height = 160;
  const top = 16; // room for the tallest bar's value
  const gap = 6;
  const barWidth = (width - gap * (bars.length - 1)) / Math.max(1, bars.length);
  return (
    <figure className="chart">
      <svg viewBox={`0 0 ${width} ${top + height + 20}`} role="img" aria-label={caption}>
        {bars.map((bar, i) => {
          const h = Math.round((bar.value / max) * height);
          const x = i * (barWidth + gap);
          return (
            <g key={bar.label}>
              <title>{`${bar.title}: ${bar.value} ${unit}`}</title>
              <rect
                x={x}
                y={top + height - h}
                width={barWidth}
                height={Math.max(h, bar.value > 0 ? 2 : 0)}
                rx={3}
                className="chart-bar"
              />
              {bar.value > 0 ? (
                <text x={x + barWidth / 2} y={top + height - h - 4} textAnchor="middle" className="chart-value">
                  {bar.value}
                </text>
              ) : null}
              <text x={x + barWidth / 2} y={top + height + 15} textAnchor="middle" className="chart-label">
                {bar.label}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption className="muted">{caption}</figcaption>
    </figure>
  );
}
