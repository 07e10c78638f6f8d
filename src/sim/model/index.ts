/** Simulation models. */
export { bittensorModel, type ModelScenario } from './bittensor/index.ts';
export { type ModelParams, modelParamsSchema } from './params.ts';
export type { MetricInfo, Model, ModelShape, RunInput, RunOutput } from './types.ts';
