/** The distribution of an outcome as bars (plain SVG scaled to its fixed box: nothing loads or reflows). */
import type { Histogram } from '../resultsSummary.ts';

const WIDTH = 300;
const HEIGHT = 80;

export function HistogramChart(props: { readonly histogram: Histogram; readonly label: string }) {
  const { edges, counts } = props.histogram;
  const most = Math.max(1, ...counts);
  const width = WIDTH / counts.length;
  const low = edges[0] ?? 0;
  const high = edges.at(-1) ?? 0;
  return (
    <svg
      class="histogram"
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      preserveAspectRatio="none"
      role="img"
      aria-label={`${props.label}: ${counts.reduce((a, b) => a + b, 0)} values from ${low} to ${high}`}
    >
      {counts.map((count, i) => {
        const height = (count / most) * HEIGHT;
        return (
          <rect key={i} x={i * width} y={HEIGHT - height} width={Math.max(width - 0.5, 0.5)} height={height}>
            <title>{`${edges[i]} to ${edges[i + 1]}: ${count}`}</title>
          </rect>
        );
      })}
    </svg>
  );
}
