/**
 * The metrics a backtest compares with the record, computed per day from a price panel: over the subnets
 * emitting that day (`glitch = 0`), the sum of their alpha prices at the day's first sample, the ten
 * highest prices' share of that sum, how many there are and their median price.
 */
import type { PricePanel } from './parseAlphaPricePanel.ts';

/** Metrics the panel records, in output order. */
export const RECORDED_PANEL_METRICS = [
  'sumAlphaPrices',
  'top10PriceShare',
  'activeSubnets',
  'medianAlphaPrice',
] as const;

/** A metric the panel records. */
export type RecordedPanelMetric = (typeof RECORDED_PANEL_METRICS)[number];

/** One day's recorded metrics. */
export type RecordedDay = { readonly date: string; readonly block: number } & Readonly<
  Record<RecordedPanelMetric, number>
>;

/** Median of a sorted, non-empty list. */
function medianOfSorted(xs: readonly number[]): number {
  const m = xs.length >> 1;
  return xs.length % 2 === 1 ? xs[m]! : (xs[m - 1]! + xs[m]!) / 2;
}

/**
 * Each day's metrics. A subnet counts as active when its row has `glitch = 0`; its price is `price_first`
 * (a row without one counts as active but adds no price). A day with no priced active subnet gives NaN
 * prices.
 * @example recordedPanelMetrics(panel)[0]!.sumAlphaPrices // 2.318 on 2025-02-20
 */
export function recordedPanelMetrics(panel: PricePanel): RecordedDay[] {
  return panel.days.map(({ date, block, rows }) => {
    const active = rows.filter((r) => !r.glitch);
    const prices = active.flatMap((r) => (r.priceFirst === null ? [] : [r.priceFirst])).sort((a, b) => a - b);
    let sum = 0;
    for (const p of prices) sum += p;
    let top = 0;
    for (const p of prices.slice(-10)) top += p;
    const priced = prices.length > 0;
    return {
      date,
      block,
      sumAlphaPrices: priced ? sum : Number.NaN,
      top10PriceShare: priced && sum > 0 ? top / sum : Number.NaN,
      activeSubnets: active.length,
      medianAlphaPrice: priced ? medianOfSorted(prices) : Number.NaN,
    };
  });
}
