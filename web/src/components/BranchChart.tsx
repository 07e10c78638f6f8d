/**
 * A series across a comparison's variants (uPlot, in a box of fixed size): each variant's median as a
 * line and its middle half of runs as a band in the variant's colour, the fork day as a dashed line.
 */
import { useEffect, useRef } from 'preact/hooks';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { Branches } from '../resultsSummary.ts';

const HEIGHT = 260;
const FORK_COLOR = '#475569';
/** Colours told apart by most eyes, as `r, g, b`; a variant past the last takes the first again. */
const BRANCH_COLORS = [
  '37, 99, 235',
  '220, 38, 38',
  '22, 163, 74',
  '217, 119, 6',
  '147, 51, 234',
  '8, 145, 178',
] as const;

/** The colour of the variant at `index` among the branches, as `r, g, b`. */
export const branchColor = (index: number): string =>
  BRANCH_COLORS[index % BRANCH_COLORS.length] ?? '0, 0, 0';

/** The fork day as a dashed vertical line labelled at its top, drawn over the plot. */
function forkMarker(forkDay: number): (u: uPlot) => void {
  return (u) => {
    const [min, max] = [u.scales.x?.min, u.scales.x?.max];
    if (min === undefined || max === undefined || forkDay < min || forkDay > max) return;
    const x = Math.round(u.valToPos(forkDay, 'x', true));
    const { top, height } = u.bbox;
    const { ctx } = u;
    ctx.save();
    ctx.strokeStyle = FORK_COLOR;
    ctx.fillStyle = FORK_COLOR;
    ctx.lineWidth = uPlot.pxRatio;
    ctx.setLineDash([4 * uPlot.pxRatio, 4 * uPlot.pxRatio]);
    ctx.beginPath();
    ctx.moveTo(x, top);
    ctx.lineTo(x, top + height);
    ctx.stroke();
    ctx.font = `${12 * uPlot.pxRatio}px system-ui, sans-serif`;
    ctx.textBaseline = 'top';
    ctx.fillText(`fork, day ${forkDay}`, x + 4 * uPlot.pxRatio, top + 2 * uPlot.pxRatio);
    ctx.restore();
  };
}

function options(branches: Branches, width: number): uPlot.Options {
  const series: uPlot.Series[] = [{}];
  const bands: uPlot.Band[] = [];
  branches.branches.forEach((branch, i) => {
    const color = branchColor(i);
    const median = series.length;
    series.push({ label: branch.variant.name, stroke: `rgb(${color})`, width: 2 });
    if (branch.middle === undefined) return;
    series.push(
      { label: `${branch.variant.name} p25`, stroke: `rgba(${color}, 0.3)`, width: 1 },
      { label: `${branch.variant.name} p75`, stroke: `rgba(${color}, 0.3)`, width: 1 },
    );
    bands.push({ series: [median + 2, median + 1], fill: `rgba(${color}, 0.12)` });
  });
  return {
    width,
    height: HEIGHT,
    legend: { show: false },
    scales: { x: { time: false } },
    axes: [{ label: 'day' }, { label: branches.unit ?? '', size: 70 }],
    series,
    bands,
    hooks: branches.forkDay === undefined ? {} : { draw: [forkMarker(branches.forkDay)] },
  };
}

/** The data in uPlot's order: the days, then per branch its median and, when it has one, p25 and p75. */
function dataOf(branches: Branches): uPlot.AlignedData {
  const columns = branches.branches.flatMap((b) =>
    b.middle === undefined ? [b.median] : [b.median, b.middle.low, b.middle.high],
  );
  return [branches.days, ...columns] as uPlot.AlignedData;
}

export function BranchChart(props: { readonly branches: Branches }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = box.current;
    if (el === null) return;
    const plot = new uPlot(options(props.branches, el.clientWidth), dataOf(props.branches), el);
    const resize = new ResizeObserver(() => plot.setSize({ width: el.clientWidth, height: HEIGHT }));
    resize.observe(el);
    return () => {
      resize.disconnect();
      plot.destroy();
    };
  }, [props.branches]);
  const { branches } = props;
  const names = branches.branches.map((b) => b.variant.name).join(', ');
  const fork = branches.forkDay === undefined ? '' : `; the futures fork at day ${branches.forkDay}`;
  return (
    <>
      <ul class="branch-legend" data-testid="branch-legend">
        {branches.branches.map((b, i) => (
          <li key={b.variant.folder} title={b.variant.title}>
            <span class="swatch" style={{ background: `rgb(${branchColor(i)})` }} aria-hidden="true" />
            {b.variant.name}
          </li>
        ))}
        {branches.forkDay !== undefined && (
          <li data-testid="fork-marker" data-day={branches.forkDay}>
            <span class="swatch swatch-fork" aria-hidden="true" />
            fork at day {branches.forkDay}
          </li>
        )}
      </ul>
      <div
        class="chart branch-chart"
        ref={box}
        role="img"
        data-testid="branch-chart"
        aria-label={`${branches.label} over ${branches.days.at(-1) ?? 0} days: median and middle half of runs of ${names}${fork}`}
      />
    </>
  );
}
