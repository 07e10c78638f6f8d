/**
 * Test data for the report: a made-up Summary shaped like a real one (a year of 1,000 runs), built
 * from closed-form distributions so it is deterministic. Its figures come from no model.
 */
import { BLOCKS_PER_DAY } from '../../engine/chainConstants.ts';
import { holderClassStats } from '../collect/holderClassStats.ts';
import type { AttributionStats, EventStats, OutcomeStats, SeriesBands, Summary } from '../collect/summary.ts';
import { BAND_LEVELS } from '../collect/summary.ts';

const QUANTILE_LEVELS = [1, 5, 10, 25, 50, 75, 90, 95, 99] as const;
const Z: Readonly<Record<number, number>> = { 0.05: -1.645, 0.25: -0.674, 0.5: 0, 0.75: 0.674, 0.95: 1.645 };

/** Inverse standard normal CDF (Acklam's rational approximation, |error| < 1.2e-9). */
function probit(p: number): number {
  const a = [
    -39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716,
    2.506628277459239,
  ];
  const b = [
    -54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572,
  ];
  const c = [
    -0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968,
    2.938163982698783,
  ];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const [a0, a1, a2, a3, a4, a5] = a as [number, number, number, number, number, number];
  const [b0, b1, b2, b3, b4] = b as [number, number, number, number, number];
  const [c0, c1, c2, c3, c4, c5] = c as [number, number, number, number, number, number];
  const [d0, d1, d2, d3] = d as [number, number, number, number];
  const tail = (q: number) =>
    (((((c0 * q + c1) * q + c2) * q + c3) * q + c4) * q + c5) / ((((d0 * q + d1) * q + d2) * q + d3) * q + 1);
  if (p < 0.02425) return tail(Math.sqrt(-2 * Math.log(p)));
  if (p > 1 - 0.02425) return -tail(Math.sqrt(-2 * Math.log(1 - p)));
  const q = p - 0.5;
  const r = q * q;
  return (
    ((((((a0 * r + a1) * r + a2) * r + a3) * r + a4) * r + a5) * q) /
    (((((b0 * r + b1) * r + b2) * r + b3) * r + b4) * r + 1)
  );
}

/** Every OutcomeStats field computed from a sample (sorted here), with a 30-bin histogram. */
export function outcomeStatsOf(key: string, sample: readonly number[]): OutcomeStats {
  const xs = [...sample].sort((x, y) => x - y);
  const n = xs.length;
  const mean = xs.reduce((s, x) => s + x, 0) / n;
  const m2 = xs.reduce((s, x) => s + (x - mean) ** 2, 0) / n;
  const m3 = xs.reduce((s, x) => s + (x - mean) ** 3, 0) / n;
  const m4 = xs.reduce((s, x) => s + (x - mean) ** 4, 0) / n;
  const at = (p: number) => xs[Math.min(n - 1, Math.max(0, Math.round(p * (n - 1))))] ?? Number.NaN;
  const min = xs[0] ?? Number.NaN;
  const max = xs.at(-1) ?? Number.NaN;
  const bins = 30;
  const width = (max - min) / bins;
  const edges = Array.from({ length: bins + 1 }, (_, i) => min + i * width);
  const counts = Array.from({ length: bins }, () => 0);
  for (const x of xs) {
    const i = width > 0 ? Math.min(bins - 1, Math.floor((x - min) / width)) : 0;
    counts[i] = (counts[i] ?? 0) + 1;
  }
  const total = xs.reduce((s, x) => s + Math.max(0, x), 0);
  const topShare = (f: number) =>
    xs.slice(n - Math.max(1, Math.round(n * f))).reduce((s, x) => s + Math.max(0, x), 0) / total;
  return {
    key,
    count: n,
    mean,
    median: at(0.5),
    stdev: Math.sqrt(m2),
    skewness: m3 / m2 ** 1.5,
    kurtosis: m4 / m2 ** 2 - 3,
    min,
    max,
    quantiles: Object.fromEntries(QUANTILE_LEVELS.map((p) => [`p${p}`, at(p / 100)])),
    probNegative: xs.filter((x) => x < 0).length / n,
    top10Share: topShare(0.1),
    top1Share: topShare(0.01),
    histogram: { edges, counts },
  };
}

/** Event stats from `yes` of `n` runs (`count` is `yes`), with its 95% Wilson interval. */
export function eventStatsOf(key: string, yes: number, n: number): EventStats {
  const p = yes / n;
  const z = 1.96;
  const denom = 1 + (z * z) / n;
  const centre = (p + (z * z) / (2 * n)) / denom;
  const half = (z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n))) / denom;
  return { key, probability: p, low: centre - half, high: centre + half, count: yes };
}

/** Bands of a log-normal path: median `start·e^(drift·t)`, spread `vol·√t` (t in days). */
function lognormalBands({
  key,
  start,
  drift,
  vol,
}: {
  key: string;
  start: number;
  drift: number;
  vol: number;
}): SeriesBands {
  const days = Array.from({ length: 53 }, (_, i) => i * 7);
  const at = (level: number, t: number) => start * Math.exp(drift * t + (Z[level] ?? 0) * vol * Math.sqrt(t));
  return {
    key,
    days,
    levels: [...BAND_LEVELS],
    bands: BAND_LEVELS.map((level) => days.map((t) => at(level, t))),
    mean: days.map((t) => start * Math.exp(drift * t + (vol * vol * t) / 2)),
  };
}

/** Evenly spaced probabilities: a deterministic stand-in for 1,000 random draws. */
const grid = (n: number) => Array.from({ length: n }, (_, i) => (i + 0.5) / n);

/**
 * An attribution of the holder's log return -0.25 + 0.6·z (z a standard normal score per run) into
 * demand, dilution, value returned and the rest, each part's figures computed from its per-run values.
 */
function syntheticAttribution(z: readonly number[]): AttributionStats {
  const logs = z.map((x) => -0.25 + 0.6 * x);
  const demand = z.map((x) => 0.1 + 0.5 * x);
  const dilution = z.map((x) => -0.31 - 0.02 * x);
  const valueReturned = z.map((x) => 0.04 + 0.01 * Math.abs(x));
  const other = logs.map((t, i) => t - demand[i]! - dilution[i]! - valueReturned[i]!);
  const stats = (key: string, label: string, values: number[]) => ({
    key,
    label,
    mean: outcomeStatsOf(key, values).mean,
    median: outcomeStatsOf(key, values).median,
    medianAbs: outcomeStatsOf(key, values.map(Math.abs)).median,
  });
  const parts = [
    stats('returnFromDemand', 'Demand', demand),
    stats('returnFromDilution', 'Dilution', dilution),
    stats('returnFromValueReturned', 'Value returned', valueReturned),
    stats('returnFromOther', 'Other', other),
  ];
  const total = stats('total', 'Total', logs);
  const residuals = logs.map((t, i) =>
    Math.abs(demand[i]! + dilution[i]! + valueReturned[i]! + other[i]! - t),
  );
  return {
    of: 'holderReturn',
    label: "Unstaked holder's log return",
    count: z.length,
    skipped: 0,
    parts,
    total: { mean: total.mean, median: total.median, medianAbs: total.medianAbs },
    maxResidual: Math.max(...residuals),
    lastPartShare: parts[3]!.medianAbs / total.medianAbs,
  };
}

/**
 * A complete synthetic Summary: four series, four outcomes, three events, two errored runs, two holder
 * classes and an attribution.
 */
export function syntheticSummary(): Summary {
  const runs = 1000;
  const u = grid(runs - 2);
  const outcomes = [
    outcomeStatsOf(
      'holderReturn',
      u.map((p) => Math.exp(-0.25 + 0.6 * probit(p)) - 1),
    ),
    outcomeStatsOf(
      'rootReturn',
      u.map((p) => Math.exp(-0.05 + 0.15 * probit(p)) - 1),
    ),
    outcomeStatsOf(
      'ownerTakeUsd',
      u.map((p) => Math.exp(13 + 1.4 * probit(p))),
    ),
    outcomeStatsOf(
      'valueReturnedShare',
      u.map((p) => 0.35 + 0.12 * probit(p)),
    ),
  ];
  return {
    scenario: {
      name: 'synthetic-baseline',
      title: 'Synthetic baseline: does a subnet token pay its holders back?',
      description: 'Test data with made-up figures: a year of 1,000 runs under the current rule pack.',
    },
    runs: { requested: runs, completed: runs - 2, errored: 2 },
    errors: [
      { runIndex: 17, message: 'pool reserve went negative at step 812' },
      { runIndex: 604, message: 'agent "pump<script>" returned an invalid intent' },
    ],
    horizonDays: 364,
    shape: {
      series: [
        {
          key: 'taoPriceUsd',
          label: 'TAO price',
          unit: 'USD',
          description: 'Price of one TAO in US dollars.',
        },
        {
          key: 'alphaPriceTao',
          label: 'Median subnet alpha price',
          unit: 'TAO',
          description: 'Price of one alpha token of the median subnet, in TAO.',
        },
        {
          key: 'cumulativeEmissionTao',
          // One TAO per block before the first halving.
          label: 'TAO emitted to date',
          unit: 'TAO',
          description: 'TAO issued since the start (spans several decades, so drawn on a log axis).',
        },
        {
          key: 'holderValueShare',
          label: 'Value held by outside holders',
          unit: 'share',
          description: 'Share of subnet value held by people who bought in, not by owners or miners.',
        },
      ],
      outcomes: [
        {
          key: 'holderReturn',
          label: 'Holder return',
          unit: 'return',
          description: 'Return of a holder who bought alpha on day 0 and sold on the last day.',
        },
        {
          key: 'rootReturn',
          label: 'Root staker return',
          unit: 'return',
          description: 'USD return of TAO staked on root on day 0, with its dividends.',
        },
        {
          key: 'ownerTakeUsd',
          label: 'Owner take',
          unit: 'USD',
          description: 'US dollars realised by subnet owners over the year.',
        },
        {
          key: 'valueReturnedShare',
          label: 'Value returned to funders',
          unit: 'share',
          description: 'Share of the TAO staked into subnets that came back to those who staked it.',
        },
      ],
      events: [
        {
          key: 'topSubnetLeaves',
          label: 'A top-decile subnet leaves',
          unit: 'boolean',
          description: 'At least one subnet in the top decile by emission deregisters or goes dark.',
        },
        {
          key: 'holdersLoseHalf',
          label: 'Holders lose half',
          unit: 'boolean',
          description: 'The median holder ends the year down 50% or more.',
        },
        {
          key: 'taoDoubles',
          label: 'TAO doubles',
          unit: 'boolean',
          description: 'TAO ends the year at twice its price.',
        },
      ],
    },
    outcomes,
    series: [
      lognormalBands({ key: 'taoPriceUsd', start: 420, drift: -0.0004, vol: 0.035 }),
      lognormalBands({ key: 'alphaPriceTao', start: 0.05, drift: -0.002, vol: 0.03 }),
      {
        key: 'cumulativeEmissionTao',
        days: Array.from({ length: 53 }, (_, i) => i * 7),
        levels: [...BAND_LEVELS],
        bands: BAND_LEVELS.map((_, j) =>
          Array.from({ length: 53 }, (_, i) => (i * 7 + 1) * BLOCKS_PER_DAY * (0.96 + 0.02 * j)),
        ),
        mean: Array.from({ length: 53 }, (_, i) => (i * 7 + 1) * BLOCKS_PER_DAY),
      },
      {
        key: 'holderValueShare',
        days: Array.from({ length: 53 }, (_, i) => i * 7),
        levels: [...BAND_LEVELS],
        bands: BAND_LEVELS.map((level) =>
          Array.from({ length: 53 }, (_, i) =>
            Math.min(1, Math.max(0, 0.6 - 0.004 * i + (Z[level] ?? 0) * 0.012 * Math.sqrt(i))),
          ),
        ),
        mean: Array.from({ length: 53 }, (_, i) => 0.6 - 0.004 * i),
      },
    ],
    events: [
      eventStatsOf('topSubnetLeaves', 412, runs - 2),
      eventStatsOf('holdersLoseHalf', 231, runs - 2),
      eventStatsOf('taoDoubles', 38, runs - 2),
    ],
    holderClasses: holderClassStats(
      [
        { key: 'holderReturn', label: 'Unstaked alpha holder' },
        { key: 'rootReturn', label: 'Root staker' },
      ],
      outcomes,
    ),
    attribution: syntheticAttribution(u.map(probit)),
    headline: [
      'In the median future a holder who buys subnet alpha on day 0 loses about a fifth of it within a year; one in four ends up ahead.',
      'Subnet owners take a median $440K each, and four runs in ten see a top-decile subnet leave.',
      'These are synthetic test figures, not model output.',
    ],
  };
}
