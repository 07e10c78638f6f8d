/**
 * Calibration: fit the behavioural and market parameters the chain does not record to the recorded
 * dTAO network, by backtest. Each evaluation replays the in-sample days (the panel's first day to
 * {@link IN_SAMPLE_TO}) with the same seeds, so the objective is a deterministic function of the values
 * (common random numbers). The objective is the weighted sum over the fitted metrics and in-sample days
 * of the squared log error of the runs' median: Σ_m w_m Σ_d (ln p50_md − ln recorded_md)². TAO/USD has
 * weight 1/4: its path is mostly the market's own shocks, which no parameter should be bent to follow.
 * The days after IN_SAMPLE_TO up to FIT_DATA_END are held out and only reported; nothing later is read.
 * Bounded Nelder–Mead finds the minimum; a Laplace approximation at it gives each value's uncertainty.
 */
import type { z } from 'zod';
import type { CalibrationFile } from '../calibration/calibrationFile.ts';
import type { FitParameter } from '../calibration/fitParameter.ts';
import { type FitValues, fitParameters } from '../calibration/fitParameters.ts';
import { laplaceUncertainty } from '../calibration/laplaceUncertainty.ts';
import type { Backend } from '../runner/backend.ts';
import { createBackend } from '../runner/createBackend.ts';
import type { ModelRef } from '../runner/modelRef.ts';
import { scenarioHash } from '../scenario/scenarioHash.ts';
import type { Scenario } from '../scenario/scenarioSchema.ts';
import { toScenarioFile } from '../scenario/scenarioSchema.ts';
import { rangedParameters } from '../scenario/schemaParameters.ts';
import type { BacktestData } from './backtestData.ts';
import type { BacktestMetric } from './backtestMetrics.ts';
import type { BacktestSummary } from './backtestSummary.ts';
import { backtestWindows, FIT_DATA_END, HELD_OUT_FROM, IN_SAMPLE_TO } from './backtestWindows.ts';
import { runBacktest } from './runBacktest.ts';
import { summarizeRun } from './summarizeRun.ts';

/** The fitted parameters (model paths) and the scale each is searched on. */
export const FITTED_PARAMETERS: readonly { readonly path: string; readonly scale: 'linear' | 'log' }[] = [
  { path: 'alphaHolders.riskPremiumPerYear', scale: 'linear' },
  { path: 'alphaHolders.adjustmentPerDay', scale: 'log' },
  { path: 'teams.ownerSellShare', scale: 'linear' },
  { path: 'miners.sellShare', scale: 'linear' },
  { path: 'validators.sellShare', scale: 'linear' },
  { path: 'taoMarket.impactMultiplier', scale: 'log' },
  { path: 'taoMarket.investorElasticity', scale: 'log' },
  { path: 'speculators.capitalTao', scale: 'log' },
];

/** The metrics the objective reads, with their weights. */
export const FIT_WEIGHTS: Readonly<Partial<Record<BacktestMetric, number>>> = {
  sumAlphaPrices: 1,
  top10PriceShare: 1,
  medianAlphaPrice: 1,
  activeSubnets: 1,
  taoPriceUsd: 0.25,
};

/** Value of a dotted path in a model. */
function valueAt(model: unknown, path: string): number {
  let v: unknown = model;
  for (const key of path.split('.')) v = (v as Record<string, unknown>)[key];
  return v as number;
}

/** The fit's parameters: each path with its declared range and the scenario's value as the start. */
export function fitParameterList(scenario: Scenario, modelSchema: z.ZodType): FitParameter[] {
  const ranged = new Map(rangedParameters(modelSchema).map((p) => [p.path, p.range]));
  return FITTED_PARAMETERS.map(({ path, scale }) => {
    const range = ranged.get(path);
    if (range === undefined) throw new Error(`${path} has no declared range`);
    const start = Math.min(range.high, Math.max(range.low, valueAt(scenario.model, path)));
    return { name: path, low: range.low, high: range.high, start, scale };
  });
}

/** The objective's value and residual count over one window of a summary. */
export function weightedSquaredLogError(
  summary: BacktestSummary,
  from: string,
  to: string,
): { value: number; residuals: number } {
  let value = 0;
  let residuals = 0;
  for (const row of summary.rows) {
    const w = FIT_WEIGHTS[row.metric];
    if (w === undefined || row.date < from || row.date > to) continue;
    if (row.recorded === null || row.p50 === null || !(row.recorded > 0)) continue;
    const e = row.p50 > 0 ? Math.log(row.p50 / row.recorded) : Number.POSITIVE_INFINITY;
    value += w * e * e;
    residuals += 1;
  }
  return { value, residuals };
}

/** Progress of a calibration: the stage, evaluations done and planned, and the best objective so far. */
export interface CalibrationProgress {
  readonly stage: 'fit' | 'uncertainty' | 'held-out';
  readonly evaluation: number;
  readonly evaluations: number;
  readonly best: number;
}

/** Inputs of {@link calibrateBacktest}. */
export interface CalibrateOptions {
  readonly model: ModelRef;
  readonly modelSchema: z.ZodType;
  readonly scenario: Scenario;
  readonly data: BacktestData;
  /** The first day of the fit (a day of the panel). */
  readonly from: string;
  readonly runs: number;
  readonly seed: number;
  readonly workers: number;
  readonly maxEvaluations: number;
  readonly onProgress?: ((p: CalibrationProgress) => void) | undefined;
}

/**
 * Fit, measure the uncertainty and the held-out error, and return the calibration file's content.
 * @example const file = await calibrateBacktest({ model, modelSchema, scenario, data, from: '2025-02-20', runs: 24, seed: 1, workers: 2, maxEvaluations: 250 })
 */
export async function calibrateBacktest(options: CalibrateOptions): Promise<CalibrationFile> {
  const { model, scenario, data, from, runs, seed } = options;
  const parameters = fitParameterList(scenario, options.modelSchema);
  const backend: Backend = await createBackend({ model, workers: options.workers });
  try {
    const replay = async (values: FitValues, to: string) => {
      const run = await runBacktest({
        model,
        scenario,
        data,
        from,
        to,
        runs,
        seed,
        backend,
        variations: [
          { name: 'fit', overrides: Object.entries(values).map(([path, value]) => ({ path, value })) },
        ],
      });
      return summarizeRun(run, backtestWindows(from, to));
    };
    let best = Number.POSITIVE_INFINITY;
    const objective = async (values: FitValues) => {
      const { value } = weightedSquaredLogError(await replay(values, IN_SAMPLE_TO), from, IN_SAMPLE_TO);
      best = Math.min(best, value);
      return value;
    };
    const fit = await fitParameters({
      parameters,
      objective,
      maxEvaluations: options.maxEvaluations,
      onProgress: (p) =>
        options.onProgress?.({
          stage: 'fit',
          evaluation: p.evaluation,
          evaluations: p.maxEvaluations,
          best: p.best.objective,
        }),
    });
    const inSample = weightedSquaredLogError(await replay(fit.values, IN_SAMPLE_TO), from, IN_SAMPLE_TO);
    const uncertainty = await laplaceUncertainty({
      parameters,
      objective,
      at: fit.values,
      objectiveKind: 'sum-of-squares',
      residuals: inSample.residuals,
      onProgress: (p) =>
        options.onProgress?.({
          stage: 'uncertainty',
          evaluation: p.evaluation,
          evaluations: p.evaluations,
          best,
        }),
    });
    options.onProgress?.({ stage: 'held-out', evaluation: 0, evaluations: 1, best });
    const full = await replay(fit.values, FIT_DATA_END);
    const heldOut = weightedSquaredLogError(full, HELD_OUT_FROM, FIT_DATA_END);
    const figures = (window: string) =>
      Object.fromEntries(
        full.errors
          .filter((e) => e.window === window && e.dates > 0)
          .map((e) => [
            e.metric,
            { dates: e.dates, coverage: e.coverage, mdape: e.mdape, lastError: e.lastError },
          ]),
      );
    const byName = new Map(uncertainty.parameters.map((u) => [u.name, u]));
    return {
      format: 'tensormarket/calibration',
      version: 1,
      description: `Behaviour and market parameters of ${scenario.name} fitted to the recorded dTAO network, ${from} to ${IN_SAMPLE_TO}, with ${HELD_OUT_FROM} to ${FIT_DATA_END} held out. Fitted on 2025 data under the rules of that time.`,
      createdFor: { scenario: scenario.name, scenarioHash: scenarioHash(toScenarioFile(scenario)) },
      seed,
      runs,
      window: { fitFrom: from, fitTo: IN_SAMPLE_TO, heldOutFrom: HELD_OUT_FROM, heldOutTo: FIT_DATA_END },
      objective: {
        description:
          'Σ over metrics and days of weight × (ln p50 − ln recorded)²; weights: ' +
          Object.entries(FIT_WEIGHTS)
            .map(([m, w]) => `${m} ${w}`)
            .join(', '),
        inSample: inSample.value,
        heldOut: heldOut.value,
        evaluations: fit.evaluations + uncertainty.evaluations + 2,
      },
      files: [data.files.panel, data.files.issuance, data.files.taoUsd],
      parameters: parameters.map((p) => {
        const u = byName.get(p.name)!;
        return {
          name: p.name,
          value: fit.values[p.name]!,
          low: u.low,
          high: u.high,
          sd: u.sd,
          start: p.start,
          bounds: [p.low, p.high] as [number, number],
          identified: u.identification === 'identified',
        };
      }),
      errors: { inSample: figures('in-sample'), heldOut: figures('held-out') },
    };
  } finally {
    await backend.close();
  }
}
