/**
 * The weights each validator (row) sets on each UID (column) as a grid of cells on a canvas of fixed
 * size: darker is more weight (u16, normalised per row).
 */
import { useEffect, useRef } from 'preact/hooks';

/** Props of {@link WeightsHeatmap}: each UID's `[uid, u16 weight]` pairs, and how many UIDs there are. */
export interface WeightsHeatmapProps {
  readonly weights: readonly (readonly (readonly [number, number])[])[];
  readonly n: number;
}

const SIZE = 240;

export function WeightsHeatmap(props: WeightsHeatmapProps) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const ctx = canvas.current?.getContext('2d');
    if (ctx === undefined || ctx === null) return;
    ctx.clearRect(0, 0, SIZE, SIZE);
    const n = Math.max(1, props.n);
    const cell = SIZE / n;
    ctx.fillStyle = '#f1f5f9';
    ctx.fillRect(0, 0, SIZE, SIZE);
    props.weights.forEach((row, from) => {
      const max = row.reduce((m, [, w]) => Math.max(m, w), 0);
      for (const [to, w] of row) {
        if (max === 0 || to >= n) continue;
        ctx.fillStyle = `rgba(37, 99, 235, ${(0.15 + (0.85 * w) / max).toFixed(3)})`;
        ctx.fillRect(
          to * cell,
          from * cell,
          Math.max(1, cell - (n > 64 ? 0 : 1)),
          Math.max(1, cell - (n > 64 ? 0 : 1)),
        );
      }
    });
  }, [props.weights, props.n]);
  const setters = props.weights.filter((row) => row.length > 0).length;
  return (
    <figure class="heatmap">
      <canvas
        ref={canvas}
        width={SIZE}
        height={SIZE}
        role="img"
        aria-label={`weights of ${setters} of ${props.n} UIDs: rows set, columns receive`}
      />
      <figcaption>rows: UID setting weights · columns: UID weighted</figcaption>
    </figure>
  );
}
