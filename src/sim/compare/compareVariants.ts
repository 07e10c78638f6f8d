/**
 * Side-by-side figures of variants run on the same seeds: per outcome each variant's distribution
 * (from its summary) and its mean paired difference from the first variant (the baseline) with a 95%
 * interval; per event each variant's probability and the paired difference in probability.
 */
import type { Summary } from '../collect/summary.ts';
import type { MetricInfo } from '../contract/types.ts';
import { formatNumber, formatValue } from '../report/formatValue.ts';
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
  /** Day the futures were forked (every variant follows the first until then), or null. */
  readonly forkDay: number | null;
  /** The comparison in plain words. */
  readonly headline: readonly string[];
}

/** Outcomes the headline speaks of, in order, when the model has them, and which way is better. */
const HEADLINE: readonly { key: string; better: 1 | -1 }[] = [
  { key: 'holderReturn', better: 1 },
  { key: 'returnRatio', better: 1 },
  { key: 'topQualityRetained', better: 1 },
  { key: 'subnetsLeft', better: -1 },
];

/** "+3.1 pp (95% CI +1.2 pp to +5 pp)": percentages differ in percentage points, other units in their own. */
export function describeDifference(d: PairedDifference, unit: MetricInfo['unit']): string {
  // A difference of two percentages is in percentage points.
  const points = unit === 'return' || unit === 'share' || unit === 'boolean';
  const signed = (x: number) => {
    const text = points ? `${formatNumber(Math.round(x * 1000) / 10)} pp` : formatValue(x, unit);
    return x > 0 && !text.startsWith('+') ? `+${text}` : text;
  };
  if (!Number.isFinite(d.low)) return signed(d.mean);
  return `${signed(d.mean)} (95% CI ${signed(d.low)} to ${signed(d.high)})`;
}

/** The key outcomes of a comparison (those the headline reads), with their better direction. */
export function keyOutcomes(
  outcomes: readonly OutcomeComparison[],
): { o: OutcomeComparison; better: 1 | -1 }[] {
  const known = HEADLINE.flatMap(({ key, better }) => {
    const o = outcomes.find((x) => x.key === key);
    return o === undefined ? [] : [{ o, better }];
  });
  // Another model's outcomes: its first two, higher taken as better.
  return known.length > 0 ? known : outcomes.slice(0, 2).map((o) => ({ o, better: 1 as const }));
}

/**
 * One sentence per key outcome: the variant that does best against the baseline when its 95% interval
 * clears zero in the better direction, else that no variant clearly beats the baseline.
 */
function headline(outcomes: readonly OutcomeComparison[], variants: readonly VariantResult[]): string[] {
  const base = variants[0]!;
  return keyOutcomes(outcomes).map(({ o, better }) => {
    let best = -1;
    let bestMean = 0;
    o.variants.forEach((f, k) => {
      const d = f.difference;
      if (d === null || !Number.isFinite(d.low)) return;
      const clears = better > 0 ? d.low > 0 : d.high < 0;
      if (clears && (best < 0 || better * d.mean > better * bestMean)) {
        best = k;
        bestMean = d.mean;
      }
    });
    const baseText = `${base.title} ${formatValue(o.variants[0]!.median, o.unit)} (median)`;
    if (best < 0) return `${o.label}: no variant clearly beats ${baseText}.`;
    const f = o.variants[best]!;
    return `${o.label}: best under ${variants[best]!.title}, median ${formatValue(f.median, o.unit)} against ${baseText}; mean paired difference ${describeDifference(f.difference!, o.unit)}.`;
  });
}

/**
 * Compare variants (the first is the baseline). All must come from the same model shape and seeds.
 * @example compareVariants({ scenario, variants: [statusQuo, covenant] }).outcomes[0].variants[1].difference
 */
export function compareVariants({
  scenario,
  variants,
  forkDay = null,
}: {
  scenario: Comparison['scenario'];
  variants: readonly VariantResult[];
  forkDay?: number | null;
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
    forkDay,
    headline: [
      ...(forkDay === null
        ? []
        : [
            `The futures fork at day ${forkDay}: every variant shares ${variants[0]!.title}'s history until then, so the differences come from the rules after the fork.`,
          ]),
      ...headline(outcomes, variants),
    ],
  };
}
