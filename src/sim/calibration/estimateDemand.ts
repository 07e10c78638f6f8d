/**
 * Demand parameters estimated from a daily price series: drift, diffusion volatility and jumps, by
 * the split of {@link splitJumps}. Annualised with 365 days a year, since crypto trades every day.
 */
import { dailyLogReturns } from './dailyLogReturns.ts';
import type { DailyPrices } from './parseDailyPrices.ts';
import { DEFAULT_JUMP_THRESHOLD_K, splitJumps } from './splitJumps.ts';

/** Trading days per year of a market open every day. */
export const DAYS_PER_YEAR = 365;

/** What the data say about demand, with the window they come from. Rates and volatilities are per year. */
export interface DemandEstimate {
  /** First and last date of the prices used. */
  readonly first: string;
  readonly last: string;
  /** Daily log returns used (prices − 1). */
  readonly returns: number;
  /** Length of the window in years (returns / 365). */
  readonly years: number;
  /** Mean daily log return × 365: the historical log drift, jumps included. */
  readonly driftPerYear: number;
  /** Standard error of that drift: total volatility / √years. */
  readonly driftStandardError: number;
  /** Sample standard deviation of all daily returns × √365. */
  readonly totalVolatilityPerYear: number;
  /** Sample standard deviation of the non-jump returns × √365. */
  readonly volatilityPerYear: number;
  /** Jump returns counted / years. */
  readonly jumpsPerYear: number;
  /** Mean and sample standard deviation (n − 1) of the jump returns (NaN with fewer than 1 or 2). */
  readonly jumpMean: number;
  readonly jumpStdev: number;
  /** Root mean square of the jump returns: the spread mean-zero jumps need to keep their sizes. */
  readonly jumpRms: number;
  /** Jumps up and down. */
  readonly jumpsUp: number;
  readonly jumpsDown: number;
  /** The split's rule: jumps lie beyond k × scale of the median (scale = 1.4826 × MAD of daily returns). */
  readonly k: number;
  readonly scale: number;
}

const mean = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;

function sampleStdev(xs: readonly number[]): number {
  if (xs.length < 2) return Number.NaN;
  const m = mean(xs);
  return Math.sqrt(xs.reduce((s, x) => s + (x - m) ** 2, 0) / (xs.length - 1));
}

/**
 * Estimate drift, volatility and jumps of a daily series. Jumps: returns more than `k` robust standard
 * deviations (1.4826 × MAD) from the median; volatility: the rest's sample standard deviation × √365.
 * @example estimateDemand(parseDailyPrices(readFileSync('../shared/data/tao_usd_daily.csv', 'utf8')))
 */
export function estimateDemand(series: DailyPrices, k = DEFAULT_JUMP_THRESHOLD_K): DemandEstimate {
  const returns = dailyLogReturns(series.prices);
  if (returns.length < 2) throw new RangeError('need at least three prices to estimate volatility');
  const split = splitJumps(returns, k);
  const years = returns.length / DAYS_PER_YEAR;
  const totalVolatilityPerYear = sampleStdev(returns) * Math.sqrt(DAYS_PER_YEAR);
  const jumps = split.jumps;
  return {
    first: series.dates[0] as string,
    last: series.dates.at(-1) as string,
    returns: returns.length,
    years,
    driftPerYear: mean(returns) * DAYS_PER_YEAR,
    driftStandardError: totalVolatilityPerYear / Math.sqrt(years),
    totalVolatilityPerYear,
    volatilityPerYear: sampleStdev(split.diffusion) * Math.sqrt(DAYS_PER_YEAR),
    jumpsPerYear: jumps.length / years,
    jumpMean: jumps.length > 0 ? mean(jumps) : Number.NaN,
    jumpStdev: sampleStdev(jumps),
    jumpRms: jumps.length > 0 ? Math.sqrt(mean(jumps.map((x) => x * x))) : Number.NaN,
    jumpsUp: jumps.filter((x) => x > 0).length,
    jumpsDown: jumps.filter((x) => x < 0).length,
    k,
    scale: split.scale,
  };
}
