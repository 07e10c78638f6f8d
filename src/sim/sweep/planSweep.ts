/**
 * What a sweep runs: the swept parameters with their ranges or values, the key outcomes, and every point
 * (one scenario variation each). Checked before any run starts.
 */
import { InputError } from '../../engine/errors.ts';
import type { MetricInfo, Model } from '../contract/types.ts';
import type { Scenario } from '../scenario/scenarioSchema.ts';
import { numericParameters } from '../scenario/schemaParameters.ts';
import type { SweepSettings } from '../scenario/sweepSchema.ts';
import { headlineOutcome } from '../sensitivity/runSensitivityScreen.ts';
import { latinHypercube } from './latinHypercube.ts';
import { SALTELLI_MAX_PARAMETERS, saltelliDesign } from './saltelliDesign.ts';
import type { SweptParameter } from './sweepSummary.ts';

/** A sweep ready to run. */
export interface SweepPlan {
  readonly settings: SweepSettings;
  readonly parameters: readonly SweptParameter[];
  readonly outcomes: readonly MetricInfo[];
  /** Each point's parameter values, in the order of `parameters`. */
  readonly points: readonly (readonly number[])[];
  /** The Saltelli design's base size N for sobol, else null. */
  readonly saltelliN: number | null;
}

/** Where a sweep's range comes from when the scenario gives it. */
const OWN_RANGE = 'the scenario’s sweep section';

/** Every combination of the lists, the last one varying fastest. */
function cartesian(lists: readonly (readonly number[])[]): number[][] {
  return lists.reduce<number[][]>((rows, list) => rows.flatMap((row) => list.map((v) => [...row, v])), [[]]);
}

/** A unit coordinate as a value of the parameter: linear, or uniform over the integers of the range. */
function scale(u: number, p: SweptParameter): number {
  if (!p.integer) return p.low + u * (p.high - p.low);
  const low = Math.ceil(p.low);
  const high = Math.floor(p.high);
  return Math.min(high, low + Math.floor(u * (high - low + 1)));
}

/**
 * The plan of `scenario.sweep` for `model`; throws `InputError` naming the `sweep` field at fault when
 * there is no section, a parameter or outcome is unknown, or a range is missing.
 * @example planSweep({ model, scenario }).points.length // N(k + 2) for sobol
 */
export function planSweep({ model, scenario }: { model: Model<unknown>; scenario: Scenario }): SweepPlan {
  const settings = scenario.sweep;
  if (settings === undefined)
    throw new InputError(
      'sweep',
      `scenario "${scenario.name}" has no \`sweep:\` section; add one naming the parameters to vary (see the README)`,
    );
  const known = numericParameters(model.schema);
  const parameters: SweptParameter[] = Object.entries(settings.parameters).map(([path, s]) => {
    const declared = known.find((p) => p.path === path);
    if (declared === undefined)
      throw new InputError(
        `sweep.parameters.${path}`,
        `not a numeric parameter of model "${model.name}"; it has ${known.map((p) => p.path).join(', ')}`,
      );
    if (s.values !== undefined)
      return {
        path,
        values: s.values,
        low: Math.min(...s.values),
        high: Math.max(...s.values),
        integer: declared.integer,
        source: OWN_RANGE,
      };
    const range =
      s.range ?? (declared.range === undefined ? undefined : [declared.range.low, declared.range.high]);
    if (range === undefined)
      throw new InputError(
        `sweep.parameters.${path}`,
        'the model declares no range for it; give `range: [low, high]`',
      );
    return {
      path,
      values: null,
      low: range[0]!,
      high: range[1]!,
      integer: declared.integer,
      source: s.range !== undefined ? OWN_RANGE : (declared.range?.source ?? OWN_RANGE),
    };
  });

  const all = model.shape(scenario).outcomes;
  const keys = settings.outcomes ?? [headlineOutcome(model, scenario).key];
  const outcomes = keys.map((key) => {
    const info = all.find((o) => o.key === key);
    if (info === undefined)
      throw new InputError(
        'sweep.outcomes',
        `model "${model.name}" has no outcome "${key}"; it has ${all.map((o) => o.key).join(', ')}`,
      );
    return info;
  });

  const k = parameters.length;
  const lists = parameters.map((p) => p.values ?? []);
  let points: number[][];
  let saltelliN: number | null = null;
  switch (settings.method) {
    case 'grid':
      points = cartesian(lists);
      break;
    case 'zip':
      points = (lists[0] ?? []).map((_, i) => lists.map((l) => l[i]!));
      break;
    case 'lhs':
      points = latinHypercube({ samples: settings.samples ?? 1, dimensions: k, seed: scenario.seed }).map(
        (u) => u.map((x, d) => scale(x, parameters[d]!)),
      );
      break;
    case 'sobol':
      if (k > SALTELLI_MAX_PARAMETERS)
        throw new InputError(
          'sweep.parameters',
          `method sobol takes at most ${SALTELLI_MAX_PARAMETERS} parameters, got ${k}; screen them first (\`sensitivity:\` in simulate) and keep the largest`,
        );
      saltelliN = settings.samples ?? 1;
      points = saltelliDesign({ n: saltelliN, parameters: k }).map((u) =>
        u.map((x, d) => scale(x, parameters[d]!)),
      );
      break;
  }
  return { settings, parameters, outcomes, points, saltelliN };
}
