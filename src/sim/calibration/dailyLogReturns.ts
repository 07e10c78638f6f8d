/** Daily log returns of a price series. */

/**
 * Log returns ln(P[i] / P[i−1]) of consecutive prices (one fewer than the prices); throws on a price
 * that is not finite and positive, since a log return of it means nothing.
 * @example dailyLogReturns([100, 110, 99]) // [ln 1.1, ln 0.9]
 */
export function dailyLogReturns(prices: readonly number[]): number[] {
  const returns: number[] = [];
  for (let i = 0; i < prices.length; i++) {
    const p = prices[i] as number;
    if (!(Number.isFinite(p) && p > 0)) throw new RangeError(`price ${i} is ${p}; prices must be > 0`);
    if (i > 0) returns.push(Math.log(p / (prices[i - 1] as number)));
  }
  return returns;
}
