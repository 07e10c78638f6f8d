/**
 * The bar chart of one outcome's Sobol' indices: per parameter a bar for the first-order index and one
 * for the total effect, each with its interval as a rule.
 */
import type { TopLevelSpec } from 'vega-lite';
import { CHART_COLORS, CHART_CONFIG } from '../report/chartTheme.ts';
import { finiteOrNull } from '../report/finiteOrNull.ts';
import { labelInSentence } from '../sensitivity/labelInSentence.ts';
import type { OutcomeSobol } from './sweepSummary.ts';

/** The two indices, as the legend names them, in drawing order. */
const KINDS = ['first order (alone)', 'total (with interactions)'] as const;

/** The axis: indices are shares of variance, so estimates far outside 0–1 are noise; intervals are cut at its ends. */
const DOMAIN = [-0.25, 1.25];

/** Height of one parameter's row (its two bars), in pixels. */
const ROW_HEIGHT = 34;

/**
 * The chart's Vega-Lite spec, or null when no index is finite.
 * @example sobolChartSpec(summary.sobol.outcomes[0], 0.95)
 */
export function sobolChartSpec(o: OutcomeSobol, level: number): TopLevelSpec | null {
  const rows = o.parameters.flatMap((p) =>
    [p.firstOrder, p.totalEffect].map((e, k) => ({
      parameter: p.parameter,
      kind: KINDS[k]!,
      value: finiteOrNull(e.value),
      low: finiteOrNull(e.low),
      high: finiteOrNull(e.high),
    })),
  );
  if (rows.every((r) => r.value === null)) return null;
  const y = {
    field: 'parameter',
    type: 'nominal' as const,
    sort: o.parameters.map((p) => p.parameter),
    title: null,
    axis: { labelLimit: 320, labelFontSize: 11, labelColor: CHART_COLORS.text, ticks: false, domain: false },
  };
  const yOffset = { field: 'kind', type: 'nominal' as const, sort: [...KINDS] };
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    description: `Sobol' indices of the ${labelInSentence(o.outcome.label)}`,
    title: {
      text: `Sobol’ indices: ${o.outcome.label}`,
      subtitle: `Share of the variance of the point means; lines: ${Math.round(level * 100)}% bootstrap intervals (cut at the axis ends)`,
    },
    config: CHART_CONFIG,
    data: { values: rows },
    width: 360,
    height: ROW_HEIGHT * o.parameters.length,
    layer: [
      {
        mark: { type: 'bar', height: { band: 1 } },
        encoding: {
          y,
          yOffset,
          x: {
            field: 'value',
            type: 'quantitative',
            title: null,
            scale: { domain: DOMAIN, clamp: true },
            axis: { format: '.0%', values: [-0.25, 0, 0.25, 0.5, 0.75, 1, 1.25] },
          },
          color: {
            field: 'kind',
            type: 'nominal',
            scale: { domain: [...KINDS], range: ['#d08c3a', CHART_COLORS.bar] },
            legend: { title: null, orient: 'top', direction: 'horizontal', labelLimit: 240 },
          },
        },
      },
      {
        mark: { type: 'rule', color: CHART_COLORS.text, strokeWidth: 1.2 },
        encoding: { y, yOffset, x: { field: 'low', type: 'quantitative' }, x2: { field: 'high' } },
      },
    ],
  } as TopLevelSpec;
}
