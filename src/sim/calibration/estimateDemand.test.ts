import { describe, expect, it } from 'vitest';
import { createStream } from '../rng/stream.ts';
import { estimateDemand } from './estimateDemand.ts';
import type { DailyPrices } from './parseDailyPrices.ts';

/** Prices from given daily log returns, starting at 100 on 2020-01-01. */
function series(returns: readonly number[]): DailyPrices {
  const prices = [100];
  for (const r of returns) prices.push((prices.at(-1) as number) * Math.exp(r));
  const dates = prices.map((_, i) => new Date(Date.UTC(2020, 0, 1 + i)).toISOString().slice(0, 10));
  return { dates, prices };
}

describe('estimateDemand', () => {
  it('recovers a known drift, volatility and jumps from a constructed series', () => {
    // 730 days: drift 0.001/day, ±0.02 alternating, and four jumps of +0.3, −0.3, +0.5, −0.1.
    const returns = Array.from({ length: 730 }, (_, i) => 0.001 + (i % 2 === 0 ? 0.02 : -0.02));
    const jumpAt = { 100: 0.3, 301: -0.3, 500: 0.5, 601: -0.1 } as Record<number, number>;
    for (const [i, j] of Object.entries(jumpAt)) returns[Number(i)] = j;
    const e = estimateDemand(series(returns));
    expect(e.first).toBe('2020-01-01');
    expect(e.last).toBe('2021-12-31');
    expect(e.returns).toBe(730);
    expect(e.years).toBe(2);
    expect(e.jumpsPerYear).toBe(2);
    expect([e.jumpsUp, e.jumpsDown]).toEqual([2, 2]);
    expect(e.jumpMean).toBeCloseTo(0.1, 12);
    expect(e.jumpRms).toBeCloseTo(Math.sqrt((0.09 + 0.09 + 0.25 + 0.01) / 4), 12);
    const jumps = [0.3, -0.3, 0.5, -0.1];
    const sd = Math.sqrt(jumps.reduce((s, x) => s + (x - 0.1) ** 2, 0) / 3);
    expect(e.jumpStdev).toBeCloseTo(sd, 12);
    // The rest: 726 returns of 0.001 ± 0.02, two of each sign replaced, so still 363 of each.
    expect(e.volatilityPerYear).toBeCloseTo(0.02 * Math.sqrt(726 / 725) * Math.sqrt(365), 10);
    const sum = returns.reduce((s, x) => s + x, 0);
    expect(e.driftPerYear).toBeCloseTo((sum / 730) * 365, 12);
  });

  it('recovers a simulated jump diffusion, with the stated bias of the 3-MAD rule', () => {
    // 40 years of daily steps: σ = 0.8/yr, 6 jumps/yr of ±0.3, drift 0.2/yr.
    const rng = createStream(3, 0, 'estimate-demand');
    const dt = 1 / 365;
    const returns: number[] = [];
    let jumps = 0;
    for (let d = 0; d < 40 * 365; d++) {
      let r = 0.2 * dt + 0.8 * Math.sqrt(dt) * rng.normal();
      if (rng.uniform() < 6 * dt) {
        r += rng.uniform() < 0.5 ? 0.3 : -0.3;
        jumps++;
      }
      returns.push(r);
    }
    const e = estimateDemand(series(returns));
    // Normal days beyond 3σ (0.27%, ≈ 0.99/yr) count as jumps, and the cut trims the volatility to
    // 0.9866σ; the rule states both, so the test expects them.
    expect(Math.abs(e.jumpsPerYear - (jumps / 40 + 0.99))).toBeLessThan(0.5);
    expect(Math.abs(e.volatilityPerYear - 0.9866 * 0.8)).toBeLessThan(0.02);
    expect(Math.abs(e.driftPerYear - 0.2)).toBeLessThan(3 * e.driftStandardError);
    expect(e.jumpRms).toBeGreaterThan(0.25);
  });

  it('needs at least three prices', () => {
    expect(() => estimateDemand(series([0.1]))).toThrow(RangeError);
  });
});
