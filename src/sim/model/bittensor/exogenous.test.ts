import { describe, expect, it } from 'vitest';
import { createStream } from '../../rng/stream.ts';
import { advanceMarket, initialMarket } from './exogenous.ts';
import { modelParamsSchema } from './params.ts';

/** Log demand after one year of daily steps, for `runs` futures. */
function yearEndLogs(market: Record<string, number>, runs: number): number[] {
  const p = modelParamsSchema.parse({ market }).market;
  const rng = createStream(2, 0, 'exogenous-test');
  return Array.from({ length: runs }, () => {
    const m = initialMarket();
    for (let d = 0; d < 365; d++) advanceMarket(m, p, rng, 1);
    return Math.log(m.demand);
  });
}

const mean = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1] as number;

describe('TAO demand', () => {
  it('has no drift by default: mean and median log change are 0 within sampling error', () => {
    const p = modelParamsSchema.parse({}).market;
    expect(p.demandDriftPerYear).toBe(0);
    expect(p.jumpMean).toBe(0);
    const logs = yearEndLogs({}, 2000);
    // Yearly log sd ≈ √(1.05² + 8.16 × 0.19²) ≈ 1.12; 4 standard errors of mean and median.
    const se = 1.12 / Math.sqrt(2000);
    expect(Math.abs(mean(logs))).toBeLessThan(4 * se);
    expect(Math.abs(median(logs))).toBeLessThan(4 * 1.25 * se);
  });

  it('keeps the stated drift when jumps have a mean (the jumps are compensated)', () => {
    const market = { demandDriftPerYear: 0.3, jumpsPerYear: 6, jumpMean: -0.15, jumpStdev: 0.1 };
    const logs = yearEndLogs({ ...market, demandVolatilityPerYear: 0.5 }, 2000);
    // Without compensation the mean would be 0.3 − 6 × 0.15 = −0.6; sd ≈ √(0.25 + 6 × 0.0325) ≈ 0.67.
    expect(Math.abs(mean(logs) - 0.3)).toBeLessThan(4 * (0.67 / Math.sqrt(2000)));
  });

  it('draws the crypto factor so the TAO path depends on σ alone, and BTC moves with it at ρ = β·σ_B / σ', () => {
    const base = modelParamsSchema.parse({}).market;
    const path = (market: typeof base) => {
      const rng = createStream(3, 0, 'exogenous-test');
      const m = initialMarket();
      const demand: number[] = [];
      const crypto: number[] = [];
      for (let d = 0; d < 2000; d++) {
        const [d0, c0] = [m.demand, m.cryptoMarket];
        advanceMarket(m, { ...market, jumpsPerYear: 0 }, rng, 1);
        demand.push(Math.log(m.demand / d0));
        crypto.push(Math.log(m.cryptoMarket / c0));
      }
      return { demand, crypto };
    };
    const a = path(base);
    const b = path({ ...base, cryptoMarketBeta: 1.8, cryptoMarketVolatilityPerYear: 0.35 });
    expect(b.demand).toEqual(a.demand);
    const corr = (x: number[], y: number[]) => {
      const [mx, my] = [mean(x), mean(y)];
      const cov = mean(x.map((v, i) => (v - mx) * (y[i]! - my)));
      return cov / Math.sqrt(mean(x.map((v) => (v - mx) ** 2)) * mean(y.map((v) => (v - my) ** 2)));
    };
    const rho = (base.cryptoMarketBeta * base.cryptoMarketVolatilityPerYear) / base.demandVolatilityPerYear;
    // Standard error of a correlation near 0.67 over 2,000 draws ≈ (1 − ρ²)/√n ≈ 0.012.
    expect(Math.abs(corr(a.demand, a.crypto) - rho)).toBeLessThan(0.05);
  });

  it('thins jumps from a common stream: a future with a lower jump rate has a subset of the higher one’s jumps', () => {
    const base = { ...modelParamsSchema.parse({}).market, demandVolatilityPerYear: 0 };
    const jumpsOf = (jumpsPerYear: number) => {
      const rng = createStream(4, 0, 'exogenous-test');
      const m = initialMarket();
      const days: number[] = [];
      for (let d = 0; d < 3650; d++) {
        const before = m.demand;
        advanceMarket(m, { ...base, jumpsPerYear }, rng, 1);
        // Without diffusion or drift a day's move is its jumps (and their compensation, 0 at mean 0).
        if (Math.abs(Math.log(m.demand / before)) > 1e-12) days.push(d);
      }
      return days;
    };
    const few = jumpsOf(4);
    const many = jumpsOf(12);
    expect(few.every((d) => many.includes(d))).toBe(true);
    // Ten years at 4 and 12 a year: about 40 and 120 jump days.
    expect([few.length > 20 && few.length < 65, many.length > 85 && many.length < 160]).toEqual([true, true]);
  });
});
