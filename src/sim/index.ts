/** The Monte Carlo lab: scenarios, seeded runs on a worker pool, streaming aggregates, reports. */
export * from './collect/summary.ts';
export * from './contract/index.ts';
export { bittensorModel, type ModelParams, type ModelScenario, modelParamsSchema } from './model/index.ts';
export { writeReport } from './report/index.ts';
export { createStream, type Rng } from './rng/stream.ts';
export * from './runner/index.ts';
export * from './scenario/index.ts';
export {
  runSensitivityScreen,
  type SensitivityOptions,
  type SensitivityResult,
} from './sensitivity/runSensitivityScreen.ts';
export type { ParameterEffect, SensitivityScreen } from './sensitivity/sensitivityScreen.ts';
export {
  runVariations,
  type Variation,
  type VariationResult,
  type VariationsOptions,
  type VariationsResult,
} from './vary/runVariations.ts';
