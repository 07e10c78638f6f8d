/** A series over time as nested quantile bands around its median (uPlot, in a box of fixed size). */
import { useEffect, useRef } from 'preact/hooks';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { FanSeries } from '../resultsSummary.ts';

const HEIGHT = 260;
const COLOR = '37, 99, 235';

/** `p5` for 0.05. */
export const levelName = (level: number): string => `p${Number((level * 100).toFixed(2))}`;

function options(series: FanSeries, width: number): uPlot.Options {
  const n = series.levels.length;
  const median = series.levels.indexOf(0.5);
  const lines: uPlot.Series[] = series.levels.map((level, i) => ({
    label: levelName(level),
    stroke: i === median ? `rgb(${COLOR})` : `rgba(${COLOR}, 0.35)`,
    width: i === median ? 2 : 1,
  }));
  // Outer bands are the palest: each pair of levels (first with last, second with second-last…) is one band.
  const bands: uPlot.Band[] = [];
  for (let i = 0; i < Math.floor(n / 2); i++)
    bands.push({ series: [n - i, i + 1], fill: `rgba(${COLOR}, ${0.12 + 0.1 * i})` });
  const mean: uPlot.Series[] =
    series.mean === undefined ? [] : [{ label: 'mean', stroke: '#64748b', width: 1, dash: [4, 4] }];
  const recorded: uPlot.Series[] =
    series.recorded === undefined ? [] : [{ label: 'recorded', stroke: '#0f172a', width: 2 }];
  return {
    width,
    height: HEIGHT,
    legend: { show: false },
    scales: { x: { time: false } },
    axes: [{ label: 'day' }, { label: series.unit ?? '', size: 70 }],
    series: [{}, ...lines, ...mean, ...recorded],
    bands,
  };
}

export function FanChart(props: { readonly series: FanSeries }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = box.current;
    if (el === null) return;
    const { series } = props;
    const data = [
      series.days,
      ...series.bands,
      ...(series.mean === undefined ? [] : [series.mean]),
      ...(series.recorded === undefined ? [] : [series.recorded]),
    ];
    const plot = new uPlot(options(series, el.clientWidth), data as uPlot.AlignedData, el);
    const resize = new ResizeObserver(() => plot.setSize({ width: el.clientWidth, height: HEIGHT }));
    resize.observe(el);
    return () => {
      resize.disconnect();
      plot.destroy();
    };
  }, [props.series]);
  const { series } = props;
  const bands = series.levels.map(levelName).join(', ');
  return (
    <div
      class="chart fan-chart"
      ref={box}
      role="img"
      data-testid="fan-chart"
      aria-label={`${series.label} over ${series.days.at(-1) ?? 0} days: quantiles ${bands}`}
    />
  );
}
