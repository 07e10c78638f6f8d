import type { MetricInfo } from '../contract/types.ts';

/** A metric unit as declared by the model. */
export type Unit = MetricInfo['unit'];

const SUFFIXES = [
  { at: 1e12, suffix: 'T' },
  { at: 1e9, suffix: 'B' },
  { at: 1e6, suffix: 'M' },
  { at: 1e3, suffix: 'K' },
] as const;

const grouped = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const significant = new Intl.NumberFormat('en-US', { maximumSignificantDigits: 4 });

/** Drops trailing zeros of a fixed or exponential string (`1.50e+3` → `1.5e3`). */
function trim(text: string): string {
  return text
    .replace(/(\.\d*?)0+(?=$|e)/, '$1')
    .replace(/\.(?=$|e)/, '')
    .replace('e+', 'e');
}

/**
 * Text for a value that is not a finite number: `∞` / `-∞` for infinities, `n/a` for NaN and for the
 * `null` that NaN becomes when a summary goes through JSON.
 */
function nonFinite(value: number): string {
  if (value === Number.POSITIVE_INFINITY) return '∞';
  if (value === Number.NEGATIVE_INFINITY) return '-∞';
  return 'n/a';
}

/**
 * A plain number to three or four significant digits (a Monte Carlo estimate has no more), readable at
 * any magnitude: `0.5`, `4,421`, `44.6K`, `1.23M`, `4.5B`, `6T`, then scientific notation from 1e15 and
 * for tiny non-zero values.
 */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return nonFinite(value);
  const abs = Math.abs(value);
  if (abs === 0) return '0';
  if (abs >= 1e15 || abs < 1e-4) return trim(value.toExponential(2));
  // Up to 9,999 the digits are short enough in full.
  if (abs < 1e4) return abs >= 1000 ? grouped.format(value) : significant.format(value);
  for (const { at, suffix } of SUFFIXES) {
    // Compare after rounding, so 999,999,999 reads `1B` rather than `1e3M`.
    const scaled = Number((abs / at).toPrecision(3));
    if (scaled >= 1000) return trim(value.toExponential(2));
    if (scaled >= 1) return `${value < 0 ? '-' : ''}${trim(scaled.toPrecision(3))}${suffix}`;
  }
  return trim(value.toExponential(2));
}

/** An integer in full with grouped digits (`1,000`), for counts of runs; other values as formatNumber. */
export function formatCount(value: number): string {
  return Number.isInteger(value) && Math.abs(value) < 1e15 ? grouped.format(value) : formatNumber(value);
}

/** A dimensionless statistic (skewness, kurtosis) to two decimals; float noise like -1e-14 reads 0.00. */
export function formatStat(value: number): string {
  if (!Number.isFinite(value)) return nonFinite(value);
  if (Math.abs(value) >= 1e4) return formatNumber(value);
  const text = value.toFixed(2);
  return text === '-0.00' ? '0.00' : text;
}

/** `1st`, `2nd`, `3rd`, `4th`, `11th`, `21st`… for percentile labels. */
export function ordinal(n: number): string {
  const text = formatNumber(n);
  if (!Number.isInteger(n)) return `${text}th`;
  const teen = Math.abs(n) % 100;
  const last = Math.abs(n) % 10;
  const suffix =
    teen >= 11 && teen <= 13 ? 'th' : last === 1 ? 'st' : last === 2 ? 'nd' : last === 3 ? 'rd' : 'th';
  return `${text}${suffix}`;
}

/** A fraction as a percentage (`0.123` → `12.3%`); `signed` adds `+` to positive values. */
export function formatPercent(value: number, signed = false): string {
  if (!Number.isFinite(value)) return nonFinite(value);
  const pct = value * 100;
  const abs = Math.abs(pct);
  // One decimal is enough to read a distribution; huge returns keep their digits up to a million %.
  let body: string;
  if (abs === 0) body = '0';
  else if (abs < 0.01) body = trim(pct.toExponential(1));
  else if (abs < 1) body = trim(pct.toFixed(2));
  else if (abs < 1000) body = trim(pct.toFixed(1));
  else if (abs < 1e6) body = grouped.format(pct);
  else body = formatNumber(pct);
  return `${signed && pct > 0 ? '+' : ''}${body}%`;
}

/** A value in its metric's unit: `$1.2M`, `350 TAO`, `1.05`, `12.3%` (share), `+4.5%` (return). */
export function formatValue(value: number, unit: Unit): string {
  if (!Number.isFinite(value)) return nonFinite(value);
  switch (unit) {
    case 'USD':
      return value < 0 ? `-$${formatNumber(-value)}` : `$${formatNumber(value)}`;
    case 'TAO':
      return `${formatNumber(value)} TAO`;
    case 'share':
      return formatPercent(value);
    case 'return':
      return formatPercent(value, true);
    case 'boolean':
      return formatPercent(value);
    case 'count':
      return formatCount(value);
    default:
      return formatNumber(value);
  }
}

/** A number with its sign, for contributions to a log return: `+0.12`, `-0.031`, `0`. */
export function formatSigned(value: number): string {
  const text = formatNumber(value);
  return Number.isFinite(value) && value > 0 ? `+${text}` : text;
}
