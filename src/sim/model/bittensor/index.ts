/** The Bittensor model: today's network (rule pack price-2026-06) with its agents and markets. */
import type { Model } from '../../contract/types.ts';
import { headline } from './headline.ts';
import { SHAPE, SHAPE_WITH_NEURONS } from './metrics.ts';
import type { ModelScenario } from './modelScenario.ts';
import { modelParamsSchema } from './params.ts';
import { runFuture } from './run.ts';

export type { ModelScenario } from './modelScenario.ts';
export { type ModelParams, modelParamsSchema } from './params.ts';

/** The model the simulator runs by default. */
export const bittensorModel: Model<ModelScenario> = {
  name: 'bittensor',
  schema: modelParamsSchema,
  shape: (scenario) => (scenario.model?.neurons?.enabled === true ? SHAPE_WITH_NEURONS : SHAPE),
  run: runFuture,
  describe: (scenario) => ({ rulePack: scenario.model.rulePack }),
  headline,
  headlineOutcome: 'holderReturnUnstaked',
};
