/**
 * What the backtest's futures say for each recorded fact (the median over runs), or why they say
 * nothing: the simulated counterpart of {@link recordedFacts}, one rule per fact, keyed by its name so
 * the type checker sees every fact answered.
 */
import { median } from '../calibration/robustScale.ts';
import type { FactName, RecordedFact } from './recordedFacts.ts';
import type { BacktestRun } from './runBacktest.ts';
import type { StylizedFactRow } from './stylizedFact.ts';

/** One backtest variation's futures. */
type Futures = BacktestRun['variations'][number];

/** A simulated value and what it is. */
interface Simulated {
  readonly value: number | null;
  readonly note: string;
}

/** Median over runs of an outcome (NaN runs left out). */
function outcomeMedian(futures: Futures, key: string): number | null {
  const values = Array.from(futures.outcomes[key] ?? []).filter(Number.isFinite);
  return values.length === 0 ? null : median(values);
}

/** Median over runs of `reduce` applied to each run's path of a series up to `last` (a date). */
function pathMedian(
  run: BacktestRun,
  futures: Futures,
  metric: keyof Futures['simulated'],
  last: string,
  reduce: (path: Float64Array) => number,
): number | null {
  const n = run.dates.length;
  let end = 0;
  while (end < n && run.dates[end]! <= last) end += 1;
  if (end === 0) return null;
  const values: number[] = [];
  const all = futures.simulated[metric];
  for (let r = 0; r * n < all.length; r++) {
    const v = reduce(all.subarray(r * n, r * n + end));
    if (Number.isFinite(v)) values.push(v);
  }
  return values.length === 0 ? null : median(values);
}

const WINDOW_END_2025H1 = '2025-06-30';
const AT_HORIZON = 'median over runs at the backtest’s last day (2026 figure, compared with late 2025)';

/** How each fact is read from the futures. */
const SIMULATED: { readonly [F in FactName]: (run: BacktestRun, futures: Futures) => Simulated } = {
  registrationsPerYear: (_, f) => ({
    value: outcomeMedian(f, 'registrationsPerYear'),
    note: 'median over runs; every registration counts (the record counts survivors only)',
  }),
  daysToFirstEmission2026: () => ({
    value: null,
    note: 'not modelled: new subnets emit from registration (no start call)',
  }),
  burnedAlphaShare: (_, f) => ({ value: outcomeMedian(f, 'burnedAlphaShare'), note: AT_HORIZON }),
  protocolOwnedAlphaShare: (_, f) => ({
    value: outcomeMedian(f, 'protocolOwnedAlphaShare'),
    note: AT_HORIZON,
  }),
  poolAlphaShare: (_, f) => ({ value: outcomeMedian(f, 'poolAlphaShare'), note: AT_HORIZON }),
  alphaIssuedMedian: () => ({
    value: null,
    note: 'not compared: the backtest ends in 2025, a year before the 2026 figure',
  }),
  newNetuidsPerWeek2025H1: (run, f) => ({
    value: pathMedian(run, f, 'activeSubnets', WINDOW_END_2025H1, (p) =>
      p.length > 1 ? ((p[p.length - 1]! - p[0]!) * 7) / (p.length - 1) : Number.NaN,
    ),
    note: 'growth of active subnets per week to 2025-06-30, median over runs; the rate limit is set from this fact',
  }),
  daysToFirstEmission2025: () => ({
    value: null,
    note: 'not modelled: new subnets emit from registration (no start call)',
  }),
  sumAlphaPricesMin2025H1: (run, f) => ({
    value: pathMedian(run, f, 'sumAlphaPrices', WINDOW_END_2025H1, (p) => Math.min(...p)),
    note: 'lowest sum of alpha prices to 2025-06-30, median over runs (spot prices; the fact uses daily medians)',
  }),
  maxAlphaPrice2025H1: () => ({
    value: null,
    note: 'not recorded per subnet by the backtest',
  }),
};

/**
 * The stylized-fact rows: each recorded fact with what the futures of `futures` say.
 * @example stylizedFactRows(facts, run, run.variations[0]).length // facts.length
 */
export function stylizedFactRows(
  facts: readonly RecordedFact[],
  run: BacktestRun,
  futures: Futures,
): StylizedFactRow[] {
  return facts.map((fact) => {
    const simulated = SIMULATED[fact.name](run, futures);
    return {
      name: fact.name,
      description: fact.description,
      recorded: fact.value,
      unit: fact.unit,
      date: fact.date,
      source: fact.source,
      simulated: simulated.value,
      note: simulated.note,
    };
  });
}
