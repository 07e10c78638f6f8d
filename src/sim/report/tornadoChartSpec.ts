import type { TopLevelSpec } from 'vega-lite';
import { labelInSentence } from '../sensitivity/labelInSentence.ts';
import type { SensitivityScreen } from '../sensitivity/sensitivityScreen.ts';
import { axisLabelExpr } from './axisLabelExpr.ts';
import { CHART_COLORS, CHART_CONFIG } from './chartTheme.ts';
import { finiteOrNull } from './finiteOrNull.ts';
import { formatNumber, type Unit } from './formatValue.ts';

/** The two ends of a range, as the legend names them, in drawing order. */
const ENDS = ['at the low end', 'at the high end'] as const;

/** Low end warm, high end the report's blue, so the direction of an effect reads at a glance. */
const END_COLORS = ['#d08c3a', CHART_COLORS.bar] as const;

/** Height of one parameter's row (its two bars), in pixels. */
const ROW_HEIGHT = 38;

/** A parameter's row label: its path, then its range on a second line. */
export function tornadoRowLabel(p: SensitivityScreen['parameters'][number]): string {
  return `${p.parameter}\n${formatNumber(p.low)} … ${formatNumber(p.high)}`;
}

/**
 * The tornado of a sensitivity screen: for each of the top parameters (largest effect first), bars from
 * the baseline to the figure at the low and at the high end of its range; one panel for the median of
 * the headline outcome, one for its chance of a loss. Null when there is nothing to draw.
 */
export function tornadoChartSpec(screen: SensitivityScreen): TopLevelSpec | null {
  const shown = screen.parameters.slice(0, screen.top);
  if (shown.length === 0) return null;
  const order = shown.map(tornadoRowLabel);
  const rows = shown.flatMap((p, k) =>
    [p.atLow, p.atHigh].map((figures, e) => ({
      parameter: order[k]!,
      end: ENDS[e]!,
      median: finiteOrNull(figures.median),
      probLoss: finiteOrNull(figures.probLoss),
    })),
  );
  const panel = ({
    field,
    base,
    unit,
    title,
    labels,
  }: {
    field: 'median' | 'probLoss';
    base: number;
    unit: Unit;
    title: string;
    labels: boolean;
  }) => ({
    width: 250,
    height: ROW_HEIGHT * shown.length,
    title: { text: title, fontSize: 12, fontWeight: 500 as const, color: CHART_COLORS.text },
    layer: [
      {
        mark: { type: 'bar' as const, height: { band: 1 } },
        encoding: {
          y: {
            field: 'parameter',
            type: 'nominal' as const,
            sort: order,
            title: null,
            axis: labels
              ? {
                  labelExpr: "split(datum.label, '\\n')",
                  labelLimit: 360,
                  labelFontSize: 11,
                  labelColor: CHART_COLORS.text,
                  ticks: false,
                  domain: false,
                }
              : null,
          },
          yOffset: { field: 'end', type: 'nominal' as const, sort: [...ENDS] },
          x: {
            field,
            type: 'quantitative' as const,
            title: null,
            axis: { labelExpr: axisLabelExpr(unit), tickCount: 5 },
          },
          x2: { datum: base },
          color: {
            field: 'end',
            type: 'nominal' as const,
            scale: { domain: [...ENDS], range: [...END_COLORS] },
            legend: { title: null, orient: 'top' as const, direction: 'horizontal' as const },
          },
        },
      },
      {
        mark: { type: 'rule' as const, color: CHART_COLORS.text, strokeDash: [4, 3], strokeWidth: 1.2 },
        encoding: { x: { datum: base, type: 'quantitative' as const } },
      },
    ],
  });
  const { label } = screen.outcome;
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    description: `Tornado: the median ${labelInSentence(label)} and its chance of a loss with one parameter at a time at either end of its range`,
    title: {
      text: 'What moves the answer',
      // Two short lines: the width of a long one is overestimated without a canvas to measure it.
      subtitle: [
        'One parameter at a time at the low or the high end of its range,',
        `${screen.runs} paired runs each; dashed line: the baseline`,
      ],
    },
    config: CHART_CONFIG,
    data: { values: rows },
    hconcat: [
      panel({
        field: 'median',
        base: screen.baseline.median,
        unit: screen.outcome.unit,
        title: `Median ${labelInSentence(label)}`,
        labels: true,
      }),
      panel({
        field: 'probLoss',
        base: screen.baseline.probLoss,
        unit: 'share',
        title: `Chance of a loss (${labelInSentence(label)} < 0)`,
        labels: false,
      }),
    ],
    spacing: 24,
  } as TopLevelSpec;
}
