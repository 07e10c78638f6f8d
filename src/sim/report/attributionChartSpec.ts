import type { TopLevelSpec } from 'vega-lite';
import type { AttributionStats } from '../collect/summary.ts';
import { chartExponent } from './chartExponent.ts';
import { CHART_COLORS, CHART_CONFIG } from './chartTheme.ts';
import { formatSigned } from './formatValue.ts';

/** One segment of the stacked bar: a part's mean, drawn from `x0` to `x1`. */
export interface AttributionBar {
  /** Position of the part in the declaration. */
  readonly index: number;
  readonly part: string;
  readonly mean: number;
  readonly x0: number;
  readonly x1: number;
}

/** Colours of the parts in declaration order (colour-blind safe); the last, catch-all part is grey. */
const PART_COLORS = ['#0072b2', '#e69f00', '#009e73', '#cc79a7', '#56b4e9', '#d55e00', '#f0e442'] as const;
const LAST_PART_COLOR = '#9aa5b1';

/**
 * Segments of the stacked bar from the parts' means: positive parts stack rightwards from zero and
 * negative parts leftwards, each side in declaration order, so the bar's net length is the sum of the
 * means. Parts without a finite mean are left out; labels repeated are numbered.
 */
export function attributionBars(parts: AttributionStats['parts']): AttributionBar[] {
  let right = 0;
  let left = 0;
  const seen = new Map<string, number>();
  const bars: AttributionBar[] = [];
  for (const [index, p] of parts.entries()) {
    const n = (seen.get(p.label) ?? 0) + 1;
    seen.set(p.label, n);
    if (!Number.isFinite(p.mean)) continue;
    const part = n === 1 ? p.label : `${p.label} (${n})`;
    if (p.mean >= 0) {
      bars.push({ index, part, mean: p.mean, x0: right, x1: right + p.mean });
      right += p.mean;
    } else {
      bars.push({ index, part, mean: p.mean, x0: left + p.mean, x1: left });
      left += p.mean;
    }
  }
  return bars;
}

/**
 * A stacked horizontal bar of the attribution's part means, with the mean total marked: what, on
 * average over runs, pushed the log return up and what pulled it down. Null when no part has a mean.
 */
export function attributionChartSpec({
  attribution,
}: {
  attribution: AttributionStats;
}): TopLevelSpec | null {
  const raw = attributionBars(attribution.parts);
  if (raw.length === 0) return null;
  const total = attribution.total.mean;
  const hasTotal = Number.isFinite(total);
  const exponent = chartExponent([...raw.flatMap((b) => [b.x0, b.x1]), hasTotal ? total : 0]);
  const factor = 10 ** exponent;
  const bars = raw.map((b) => ({ ...b, x0: b.x0 / factor, x1: b.x1 / factor }));
  const ends = [0, ...bars.flatMap((b) => [b.x0, b.x1]), ...(hasTotal ? [total / factor] : [])];
  const lo = Math.min(...ends);
  const hi = Math.max(...ends);
  const pad = (hi - lo) * 0.04 || 0.01;
  const v = exponent === 0 ? 'datum.value' : `(datum.value * pow(10, ${exponent}))`;
  const x = {
    type: 'quantitative',
    title: 'Mean contribution to ln(1 + return)',
    scale: { domain: [lo - pad, hi + pad] as number[], nice: true, zero: true },
    axis: { labelExpr: `${v} === 0 ? '0' : format(${v}, '+.3~r')`, tickCount: 7 },
  } as const;
  const last = attribution.parts.length - 1;
  const colors = bars.map((b) =>
    b.index === last && last > 0 ? LAST_PART_COLOR : PART_COLORS[b.index % PART_COLORS.length]!,
  );
  const marker = hasTotal ? [{ value: total / factor }] : [];
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    description: `${attribution.label}: mean contribution of each part across runs`,
    title: {
      text: attribution.label,
      subtitle: `Mean of each part over ${attribution.count} runs; red line: mean total${hasTotal ? '' : ' (undefined)'}`,
    },
    width: 460,
    height: 44,
    config: CHART_CONFIG,
    layer: [
      {
        data: { values: bars as unknown as Record<string, unknown>[] },
        mark: { type: 'rect', stroke: 'white', strokeWidth: 1 },
        encoding: {
          x: { field: 'x0', ...x },
          x2: { field: 'x1' },
          color: {
            field: 'part',
            type: 'nominal',
            sort: null,
            scale: { domain: bars.map((b) => b.part), range: colors },
            legend: {
              title: null,
              orient: 'bottom',
              direction: 'horizontal',
              columns: 2,
              labelLimit: 220,
              labelFontSize: 11,
              labelColor: CHART_COLORS.text,
              symbolType: 'square',
            },
          },
        },
      },
      {
        data: { values: [{ value: 0 }] },
        mark: { type: 'rule', color: CHART_COLORS.text, strokeWidth: 1 },
        encoding: { x: { field: 'value', ...x } },
      },
      {
        data: { values: marker },
        mark: { type: 'rule', color: CHART_COLORS.marker, strokeWidth: 3, y: -4, y2: 48 },
        encoding: { x: { field: 'value', ...x } },
      },
      {
        data: { values: marker },
        mark: { type: 'text', color: CHART_COLORS.marker, fontSize: 11, fontWeight: 600, y: -12 },
        encoding: {
          x: { field: 'value', ...x },
          text: { value: `mean ${formatSigned(total)}` },
        },
      },
    ],
  };
}
