/**
 * Side-by-side figures of variants run on the same seeds: per outcome each variant's distribution
 * (from its summary) and its mean paired difference from the first variant (the baseline) with a 95%
 * interval; per event each variant's probability and the paired difference in probability.
 */
import type { Summary } from '../collect/summary.ts';
import type { MetricInfo } from '../model/types.ts';
import { formatValue } from '../report/formatValue.ts';
import { type PairedDifference, pairedDifference } from './pairedDifference.ts';
import type { RunsTable } from './readRunsCsv.ts';

/** One variant's results: its summary and its runs.csv columns. */
export interface VariantResult {
  readonly name: string;
  readonly title: string;
  readonly description: string;
  readonly summary: Summary;
  readonly table: RunsTable;
  /** Folder of the variant's own outputs (report.html, runs.csv, ...), relative to the comparison. */
  readonly folder: string;
}

/** One variant's figures for one outcome. */
export interface VariantFigures {
  readonly median: number;
  readonly mean: number;
  readonly p5: number;
  readonly p95: number;
  readonly probNegative: number;
  /** Versus the baseline; null for the baseline itself. */
  readonly difference: PairedDifference | null;
}

/** One outcome across variants. */
export interface OutcomeComparison extends MetricInfo {
  readonly variants: readonly VariantFigures[];
}

/** One event across variants. */
export interface EventComparison extends MetricInfo {
  readonly variants: readonly {
    readonly probability: number;
    readonly low: number;
    readonly high: number;
    readonly difference: PairedDifference | null;
  }[];
}

/** What `compare.json` holds. */
export interface Comparison {
  readonly scenario: { readonly name: string; readonly title: string; readonly description: string };
  readonly variants: readonly {
    readonly name: string;
    readonly title: string;
    readonly description: string;
    readonly completed: number;
    readonly errored: number;
    readonly folder: string;
  }[];
  readonly outcomes: readonly OutcomeComparison[];
  readonly events: readonly EventComparison[];
  /** The comparison in plain words. */
  readonly headline: readonly string[];
}

/** Outcomes the headline speaks of, in order, when the model has them. */
const HEADLINE_KEYS: readonly string[] = ['holderReturn', 'returnRatio', 'topQualityRetained', 'subnetsLeft'];

/** "+3.1 points (95% CI +1.2 to +5.0)" in the metric's unit. */
export function describeDifference(d: PairedDifference, unit: MetricInfo['unit']): string {
  const signed = (x: number) => {
    const text = formatValue(x, unit);
    return x > 0 && !text.startsWith('+') ? `+${text}` : text;
  };
  if (!Number.isFinite(d.low)) return signed(d.mean);
  return `${signed(d.mean)} (95% CI ${signed(d.low)} to ${signed(d.high)})`;
}

function headline(outcomes: readonly OutcomeComparison[], variants: readonly VariantResult[]): string[] {
  const base = variants[0]!;
  const lines: string[] = [];
  // Another model's outcomes: its first two, in its own order.
  const known = HEADLINE_KEYS.filter((k) => outcomes.some((o) => o.key === k));
  const keys = known.length > 0 ? known : outcomes.slice(0, 2).map((o) => o.key);
  for (const key of keys) {
    const o = outcomes.find((x) => x.key === key);
    if (o === undefined) continue;
    const parts = variants.slice(1).map((v, k) => {
      const f = o.variants[k + 1]!;
      const d = f.difference;
      const verdict =
        d === null || !Number.isFinite(d.low)
          ? ''
          : d.low > 0
            ? ' — higher'
            : d.high < 0
              ? ' — lower'
              : ' — no clear difference';
      return `${v.title}: median ${formatValue(f.median, o.unit)}, mean difference ${d === null ? 'n/a' : describeDifference(d, o.unit)}${verdict}`;
    });
    lines.push(
      `${o.label}: ${base.title} median ${formatValue(o.variants[0]!.median, o.unit)}; ${parts.join('; ')}.`,
    );
  }
  return lines;
}

/**
 * Compare variants (the first is the baseline). All must come from the same model shape and seeds.
 * @example compareVariants({ scenario, variants: [statusQuo, covenant] }).outcomes[0].variants[1].difference
 */
export function compareVariants({
  scenario,
  variants,
}: {
  scenario: Comparison['scenario'];
  variants: readonly VariantResult[];
}): Comparison {
  const base = variants[0];
  if (base === undefined) throw new Error('compareVariants needs at least one variant');
  const shape = base.summary.shape;
  const outcomes = shape.outcomes.map((info) => ({
    ...info,
    variants: variants.map((v, k) => {
      const stats = v.summary.outcomes.find((o) => o.key === info.key);
      const column = v.table.columns.get(info.key) ?? new Float64Array(0);
      const baseColumn = base.table.columns.get(info.key) ?? new Float64Array(0);
      return {
        median: stats?.median ?? Number.NaN,
        mean: stats?.mean ?? Number.NaN,
        p5: stats?.quantiles.p5 ?? Number.NaN,
        p95: stats?.quantiles.p95 ?? Number.NaN,
        probNegative: stats?.probNegative ?? Number.NaN,
        difference: k === 0 ? null : pairedDifference(baseColumn, column),
      };
    }),
  }));
  const events = shape.events.map((info) => ({
    ...info,
    variants: variants.map((v, k) => {
      const stats = v.summary.events.find((e) => e.key === info.key);
      return {
        probability: stats?.probability ?? Number.NaN,
        low: stats?.low ?? Number.NaN,
        high: stats?.high ?? Number.NaN,
        difference:
          k === 0
            ? null
            : pairedDifference(
                base.table.columns.get(info.key) ?? new Float64Array(0),
                v.table.columns.get(info.key) ?? new Float64Array(0),
              ),
      };
    }),
  }));
  return {
    scenario,
    variants: variants.map((v) => ({
      name: v.name,
      title: v.title,
      description: v.description,
      completed: v.summary.runs.completed,
      errored: v.summary.runs.errored,
      folder: v.folder,
    })),
    outcomes,
    events,
    headline: headline(outcomes, variants),
  };
}
