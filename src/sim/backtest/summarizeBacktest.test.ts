import { describe, expect, it } from 'vitest';
import { BacktestInputError } from './backtestInputError.ts';
import { BACKTEST_METRICS } from './backtestMetrics.ts';
import type { BacktestInput, BacktestMetricInput } from './backtestSummary.ts';
import { summarizeBacktest } from './summarizeBacktest.ts';

const DATES = ['2025-03-01', '2025-03-02', '2025-03-03', '2025-03-04'];
const RUNS = 5;

/** Run-major values from `at(run, date)`. */
function runMajor(at: (r: number, d: number) => number): Float64Array {
  return Float64Array.from({ length: RUNS * DATES.length }, (_, i) =>
    at(Math.floor(i / DATES.length), i % DATES.length),
  );
}

// Run r on date d is 10·k + d with k a shuffle of 1..5, so each date holds 10+d, 20+d, …, 50+d out of order.
// R-7 over five values: rank q·4, so p5 = 10+d + 0.2·10, p25 = 20+d, p50 = 30+d, p75 = 40+d, p95 = 40+d + 0.8·10.
const SHUFFLE = [3, 1, 5, 2, 4];
const sums: BacktestMetricInput = {
  metric: 'sumAlphaPrices',
  simulated: runMajor((r, d) => 10 * SHUFFLE[r]! + d),
  // Inside the fan (error 0), above p95 = 49 (error (31 − 50)/50), no record, inside (error (33 − 44)/44).
  recorded: [30, 50, null, 44],
};

const input = (over: Partial<BacktestInput> = {}): BacktestInput => ({
  dates: DATES,
  runs: RUNS,
  metrics: [sums],
  windows: [{ name: 'all', from: '2025-03-01', to: '2025-03-04' }],
  ...over,
});

describe('backtest summary', () => {
  it('gives the exact R-7 quantiles of the runs per date beside the record', () => {
    const { rows } = summarizeBacktest(input());
    expect(rows.map((r) => r.date)).toEqual(DATES);
    const [first, second, third] = rows;
    expect(first!.p5).toBeCloseTo(12, 12);
    expect([first!.p25, first!.p50, first!.p75, first!.recorded]).toEqual([20, 30, 40, 30]);
    expect(first!.p95).toBeCloseTo(48, 12);
    expect([second!.p25, second!.p50, second!.p75]).toEqual([21, 31, 41]);
    expect(third).toMatchObject({ metric: 'sumAlphaPrices', p50: 32, recorded: null });
  });

  it('computes coverage, MdAPE and the last-date error per window from the dates with a record', () => {
    const { errors } = summarizeBacktest(
      input({
        windows: [
          { name: 'all', from: '2025-03-01', to: '2025-03-04' },
          { name: 'early', from: '2025-02-01', to: '2025-03-02' },
          { name: 'gap', from: '2025-03-03', to: '2025-03-03' },
          { name: 'after', from: '2025-04-01', to: '2025-04-30' },
        ],
      }),
    );
    const [all, early, gap, after] = errors;
    // Compared: 03-01 (covered, 0), 03-02 (outside, 19/50 = 0.38), 03-04 (covered, 11/44 = 0.25).
    expect(all).toMatchObject({ window: 'all', dates: 3, lastDate: '2025-03-04', missingRuns: 0 });
    expect(all!.coverage).toBeCloseTo(2 / 3, 12);
    expect(all!.mdape).toBeCloseTo(0.25, 12);
    expect(all!.lastError).toBeCloseTo(-0.25, 12);
    expect(early).toMatchObject({ dates: 2, coverage: 0.5, lastDate: '2025-03-02', from: '2025-02-01' });
    expect(early!.mdape).toBeCloseTo(0.19, 12);
    expect(early!.lastError).toBeCloseTo(-0.38, 12);
    for (const empty of [gap, after]) {
      expect(empty).toMatchObject({ dates: 0, coverage: null, mdape: null, lastDate: null, lastError: null });
    }
  });

  it('counts a record on the p5 or p95 bound as covered', () => {
    const bounds = { ...sums, recorded: [12, 49, null, null] };
    const [all] = summarizeBacktest(input({ metrics: [bounds] })).errors;
    expect(all!.coverage).toBe(1);
  });

  it('leaves runs without a finite value out of the quantiles and counts them as missing', () => {
    const subnets: BacktestMetricInput = {
      metric: 'activeSubnets',
      // Date 0: run 0 is NaN, the others 2, 4, 6, 8. Date 1: every run fails. Dates 2 and 3: all 7.
      simulated: runMajor((r, d) => (d === 1 || (d === 0 && r === 0) ? Number.NaN : d === 0 ? 2 * r : 7)),
      recorded: [5, 7, Number.NaN, 7],
    };
    const { rows, errors } = summarizeBacktest(
      input({
        metrics: [subnets],
        windows: [
          { name: 'all', from: '2025-03-01', to: '2025-03-04' },
          { name: 'dead', from: '2025-03-02', to: '2025-03-02' },
        ],
      }),
    );
    // Four values 2, 4, 6, 8: rank q·3, so p25 = 2 + 0.75·2 and p50 = 5.
    expect(rows[0]).toMatchObject({ p25: 3.5, p50: 5, p75: 6.5, recorded: 5 });
    expect(rows[1]).toMatchObject({ p5: null, p50: null, p95: null, recorded: 7 });
    expect(rows[2]).toMatchObject({ p50: 7, recorded: null });
    const [all, dead] = errors;
    // The date with no run value is not compared even though it has a record; 1 + 5 values are missing.
    expect(all).toMatchObject({ dates: 2, missingRuns: 6, coverage: 1, mdape: 0, lastError: 0 });
    expect(dead).toMatchObject({ dates: 0, missingRuns: 5, coverage: null });
  });

  it('orders rows date-major and metrics as BACKTEST_METRICS, whatever the input order', () => {
    const flat = (metric: BacktestMetricInput['metric']): BacktestMetricInput => ({
      metric,
      simulated: runMajor(() => 1),
      recorded: DATES.map(() => null),
    });
    const { rows, errors } = summarizeBacktest(
      input({ metrics: [flat('taoPriceUsd'), flat('chainBuyShare'), flat('sumAlphaPrices')] }),
    );
    const order = ['sumAlphaPrices', 'chainBuyShare', 'taoPriceUsd'];
    expect(order).toEqual(BACKTEST_METRICS.filter((m) => order.includes(m)));
    expect(rows.map((r) => `${r.date.slice(-2)} ${r.metric}`).slice(0, 4)).toEqual([
      '01 sumAlphaPrices',
      '01 chainBuyShare',
      '01 taoPriceUsd',
      '02 sumAlphaPrices',
    ]);
    expect(errors.map((e) => e.metric)).toEqual(order);
  });

  it('refuses input that does not fit together, naming the field', () => {
    const failure = (bad: BacktestInput) => {
      try {
        summarizeBacktest(bad);
      } catch (e) {
        if (e instanceof BacktestInputError) return [e.code, e.message];
        throw e;
      }
      return null;
    };
    expect(failure(input({ metrics: [{ ...sums, simulated: new Float64Array(19) }] }))).toEqual([
      'BACKTEST_SHAPE',
      'metrics[0].simulated: has 19 values, expected runs × dates = 5 × 4; lay them out run-major, simulated[r * dates.length + d]',
    ]);
    expect(failure(input({ metrics: [{ ...sums, recorded: [1] }] }))?.[0]).toBe('BACKTEST_SHAPE');
    expect(failure(input({ metrics: [sums, sums] }))).toEqual([
      'BACKTEST_METRIC',
      'metrics[1].metric: sumAlphaPrices is given twice; give it once',
    ]);
    expect(failure(input({ dates: ['2025-03-02', '2025-03-01', '2025-03-03', '2025-03-04'] }))).toEqual([
      'BACKTEST_DATES',
      'dates[1]: 2025-03-01 does not follow 2025-03-02; give each date once, in increasing order',
    ]);
    expect(failure(input({ windows: [{ name: 'w', from: '2025-03-04', to: '2025-03-01' }] }))).toEqual([
      'BACKTEST_WINDOW',
      'windows[0]: window "w" runs from 2025-03-04 to the earlier 2025-03-01; swap the dates',
    ]);
    expect(failure(input({ windows: [{ name: 'w', from: '2025-02-30', to: '2025-03-01' }] }))?.[1]).toBe(
      'windows[0].from: expected a date YYYY-MM-DD, got "2025-02-30"',
    );
    expect(failure(input({ runs: 0 }))?.[1]).toBe('runs: expected a whole number of at least 1, got 0');
  });
});
