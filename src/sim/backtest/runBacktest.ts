/**
 * A backtest: the scenario's futures from the recorded network on one day to another, every day
 * recorded, beside what the record says for the same days. The start comes from the price panel
 * ({@link panelStartingState}); the scenario brings the rule timeline and the behaviour.
 */
import { InputError } from '../../engine/errors.ts';
import type { Backend } from '../runner/backend.ts';
import type { ModelRef } from '../runner/modelRef.ts';
import type { ExperimentProgress } from '../runner/runExperiment.ts';
import { addDays } from '../scenario/ruleTimeline.ts';
import { resolveScenario, type Scenario, toScenarioFile } from '../scenario/scenarioSchema.ts';
import type { StartingState } from '../start/startingState.ts';
import { runVariations, type Variation } from '../vary/runVariations.ts';
import type { BacktestData } from './backtestData.ts';
import { BACKTEST_METRICS, type BacktestMetric } from './backtestMetrics.ts';
import { daysBetween, panelStartingState } from './panelStartingState.ts';
import { PriceDataError } from './priceDataError.ts';
import { type RecordedPanelMetric, recordedPanelMetrics } from './recordedPanelMetrics.ts';

/** Inputs of {@link runBacktest}. */
export interface BacktestOptions {
  readonly model: ModelRef;
  /** The scenario: its model, rule timeline and behaviour (its start, horizon and recording are replaced). */
  readonly scenario: Scenario;
  readonly data: BacktestData;
  /** First and last day (YYYY-MM-DD); the first must be a day of the panel. */
  readonly from: string;
  readonly to: string;
  readonly runs: number;
  readonly seed: number;
  readonly workers?: number | undefined;
  readonly backend?: Backend | undefined;
  readonly signal?: AbortSignal | undefined;
  readonly onProgress?: ((progress: ExperimentProgress) => void) | undefined;
  /** Parameter sets to run on the same seeds (default: the scenario as it is, named `scenario`). */
  readonly variations?: readonly Variation[] | undefined;
}

/** Per metric, a value per date (null where the record has none). */
export type RecordedPaths = Readonly<Record<BacktestMetric, readonly (number | null)[]>>;

/** What {@link runBacktest} produced. */
export interface BacktestRun {
  /** Every day from `from` to `to`. */
  readonly dates: readonly string[];
  readonly scenario: Scenario;
  readonly startingState: StartingState;
  readonly recorded: RecordedPaths;
  /** Per variation, per metric, run-major values: `[run * dates.length + day]`. */
  readonly variations: readonly {
    readonly name: string;
    readonly simulated: Readonly<Record<BacktestMetric, Float64Array>>;
    /** The model's outcomes at the last day, one value per run. */
    readonly outcomes: Readonly<Record<string, Float64Array>>;
    readonly completed: number;
    readonly errored: number;
    readonly firstError: string | null;
  }[];
  readonly aborted: boolean;
  readonly wallTimeMs: number;
}

/**
 * What the record says on each date: the panel's metrics on its days, TAO/USD on the days the closes
 * cover, nothing for chain buys (no recorded series).
 */
export function recordedPaths(data: BacktestData, dates: readonly string[]): RecordedPaths {
  const byDate = new Map(recordedPanelMetrics(data.panel).map((d) => [d.date, d]));
  const closes = new Map(data.taoUsd.dates.map((d, k) => [d, data.taoUsd.prices[k]!]));
  const finite = (x: number | undefined) => (x === undefined || !Number.isFinite(x) ? null : x);
  const paths = {} as Record<BacktestMetric, (number | null)[]>;
  for (const metric of BACKTEST_METRICS) {
    paths[metric] = dates.map((date) => {
      if (metric === 'taoPriceUsd') return finite(closes.get(date));
      if (metric === 'chainBuyShare') return null;
      return finite(byDate.get(date)?.[metric as RecordedPanelMetric]);
    });
  }
  return paths;
}

/**
 * The scenario a backtest runs: the given one from the panel's state on `from`, for the days to `to`,
 * recording every day.
 */
export function backtestScenario(args: {
  scenario: Scenario;
  startingState: StartingState;
  from: string;
  to: string;
}): Scenario {
  const { scenario, from, to } = args;
  const days = daysBetween(from, to);
  if (!(days >= 1)) throw new InputError('--to', `expected a date after --from (${from}), got ${to}`);
  const { start: _start, ...file } = toScenarioFile(scenario);
  return resolveScenario({
    ...file,
    startDate: from,
    horizon: `${days}d`,
    step: 'day',
    recordEvery: 1,
    startingState: args.startingState,
  });
}

/**
 * Run the backtest's futures (every variation on the same seeds) and read the record beside them.
 * @example const run = await runBacktest({ model, scenario, data, from: '2025-02-20', to: '2025-10-29', runs: 100, seed: 1 })
 */
export async function runBacktest(options: BacktestOptions): Promise<BacktestRun> {
  const { data, from, to } = options;
  let startingState: StartingState;
  try {
    startingState = panelStartingState({
      panel: data.panel,
      issuance: data.issuance,
      taoUsd: data.taoUsd,
      date: from,
      files: data.files,
    });
  } catch (cause) {
    // The files were read and checked already; what they lack is the chosen day, so the day is named.
    if (!(cause instanceof PriceDataError)) throw cause;
    const lacks = cause.problems.map((p) => `${p.file}: ${p.message}`).join('; ');
    throw new InputError('--from', `cannot start on ${from}: ${lacks}`, { cause });
  }
  const scenario = backtestScenario({ scenario: options.scenario, startingState, from, to });
  const days = scenario.horizonDays;
  const dates = Array.from({ length: days + 1 }, (_, d) => addDays(from, d));
  const result = await runVariations({
    model: options.model,
    scenario,
    variations: options.variations ?? [{ name: 'scenario', overrides: [] }],
    runs: options.runs,
    seed: options.seed,
    workers: options.workers ?? 1,
    backend: options.backend,
    signal: options.signal,
    onProgress: options.onProgress,
    series: BACKTEST_METRICS,
  });
  const variations = result.variations.map((v) => {
    // Recorded steps are whole days 0 … days; each maps to its date.
    const simulated = {} as Record<BacktestMetric, Float64Array>;
    for (const metric of BACKTEST_METRICS) {
      const values = v.series[metric]!;
      const points = v.steps.length;
      if (points !== 0 && points !== dates.length)
        throw new InputError('recordEvery', `expected a point per day (${dates.length}), got ${points}`);
      simulated[metric] =
        points === 0 ? new Float64Array(options.runs * dates.length).fill(Number.NaN) : values;
    }
    return {
      name: v.name,
      simulated,
      outcomes: v.outcomes,
      completed: v.completed,
      errored: v.errored,
      firstError: v.firstError,
    };
  });
  return {
    dates,
    scenario,
    startingState,
    recorded: recordedPaths(data, dates),
    variations,
    aborted: result.aborted,
    wallTimeMs: result.wallTimeMs,
  };
}
