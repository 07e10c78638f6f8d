/**
 * The one-at-a-time sensitivity screen: every parameter the model's schema gives a range is set to its
 * low and its high end in turn (the others as the scenario sets them), all variations and the baseline
 * on the same seeds, and ranked by how far they move the model's headline outcome.
 */
import { InputError, TensormarketError } from '../../engine/errors.ts';
import type { Model } from '../contract/types.ts';
import { loadModel, type ModelRef } from '../runner/modelRef.ts';
import type { Scenario } from '../scenario/scenarioSchema.ts';
import { rangedParameters } from '../scenario/schemaParameters.ts';
import { runVariations, type VariationsOptions } from '../vary/runVariations.ts';
import { headlineFigures } from './headlineFigures.ts';
import { BASELINE, oneAtATimeVariations, variationName } from './oneAtATimeVariations.ts';
import { rankParameters, screenRule } from './rankParameters.ts';
import type { SensitivityScreen } from './sensitivityScreen.ts';

/** Inputs of {@link runSensitivityScreen}: the runner's options of {@link runVariations}, and the screen's own. */
export interface SensitivityOptions
  extends Pick<VariationsOptions, 'model' | 'workers' | 'backend' | 'signal' | 'onProgress'> {
  /** The resolved scenario: the baseline, its seed shared by every variation. */
  readonly scenario: Scenario;
  /** Paired runs per variation. */
  readonly runs: number;
  /** Parameters the report shows. */
  readonly top: number;
}

/** What the screen produced. */
export interface SensitivityResult {
  /** Null when stopped before every run finished. */
  readonly screen: SensitivityScreen | null;
  readonly aborted: boolean;
  readonly runs: number;
  readonly variations: number;
  readonly completed: number;
  readonly errored: number;
  readonly workers: number;
  readonly wallTimeMs: number;
}

/**
 * The outcome a model's answer is about: its `headlineOutcome`, else its first outcome; throws when the
 * model names a key its shape does not have.
 */
export function headlineOutcome(model: Model<unknown>, scenario: unknown) {
  const outcomes = model.shape(scenario).outcomes;
  const key = model.headlineOutcome ?? outcomes[0]?.key;
  const info = outcomes.find((o) => o.key === key);
  if (info === undefined)
    throw new TensormarketError(
      'MODEL_FAILED',
      `model "${model.name}": headlineOutcome ${JSON.stringify(key ?? null)} is not one of its outcomes (${outcomes.map((o) => o.key).join(', ') || 'none'})`,
    );
  return info;
}

/** The scenario's value at a dotted path of its model section. */
function valueAt(model: unknown, path: string): number {
  let node: unknown = model;
  for (const key of path.split('.')) node = (node as Record<string, unknown> | undefined)?.[key];
  return typeof node === 'number' ? node : Number.NaN;
}

/**
 * What a screen of `scenario` moves and ranks by: the model's ranged parameters and its headline
 * outcome. Throws `InputError` naming `sensitivity` when the model declares no range.
 */
export function planScreen(model: Model<unknown>, scenario: unknown) {
  const parameters = rangedParameters(model.schema);
  if (parameters.length === 0)
    throw new InputError(
      'sensitivity',
      `model "${model.name}" declares no parameter ranges to screen; remove \`sensitivity:\` from the scenario or pass --sensitivity-runs 0`,
    );
  return { parameters, outcome: headlineOutcome(model, scenario) };
}

/**
 * {@link planScreen} for a model by reference, so a command can refuse a screen before its main runs.
 * @example await prepareSensitivityScreen({ model, scenario });
 */
export async function prepareSensitivityScreen({ model, scenario }: { model: ModelRef; scenario: Scenario }) {
  return planScreen(await loadModel(model), scenario);
}

/**
 * Run the screen and rank the parameters; throws as {@link prepareSensitivityScreen} does.
 * @example const { screen } = await runSensitivityScreen({ model, scenario, runs: 8, top: 8, workers: 2 });
 */
export async function runSensitivityScreen(options: SensitivityOptions): Promise<SensitivityResult> {
  const { scenario, runs, top } = options;
  const { parameters, outcome } = await prepareSensitivityScreen(options);
  const result = await runVariations({
    model: options.model,
    scenario,
    variations: oneAtATimeVariations(parameters),
    runs,
    seed: scenario.seed,
    workers: options.workers ?? 1,
    backend: options.backend,
    signal: options.signal,
    onProgress: options.onProgress,
  });
  const completed = result.variations.reduce((n, v) => n + v.completed, 0);
  const errored = result.variations.reduce((n, v) => n + v.errored, 0);
  const done = {
    aborted: result.aborted,
    runs,
    variations: result.variations.length,
    completed,
    errored,
    workers: result.workers,
    wallTimeMs: result.wallTimeMs,
  };
  if (result.aborted) return { screen: null, ...done };

  const figures = new Map(
    result.variations.map((v) => [v.name, headlineFigures(v.outcomes[outcome.key]!)] as const),
  );
  const baseline = figures.get(BASELINE)!;
  const effects = parameters.map((p) => ({
    parameter: p.path,
    value: valueAt(scenario.model, p.path),
    low: p.range.low,
    high: p.range.high,
    source: p.range.source,
    atLow: figures.get(variationName(p.path, 'low'))!,
    atHigh: figures.get(variationName(p.path, 'high'))!,
  }));
  const screen: SensitivityScreen = {
    outcome,
    runs,
    seed: scenario.seed,
    variations: result.variations.length,
    top: Math.min(top, parameters.length),
    rule: screenRule(outcome.label),
    baseline,
    parameters: rankParameters(effects, baseline),
    completed,
    errored,
  };
  return { screen, ...done };
}
