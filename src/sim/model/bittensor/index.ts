/** The Bittensor model: today's network (rule pack price-2026-06) with its agents and markets. */
import type { Model } from '../types.ts';
import { headline } from './headline.ts';
import { SHAPE, SHAPE_WITH_NEURONS } from './metrics.ts';
import { type ModelScenario, runFuture } from './run.ts';

export type { ModelScenario } from './run.ts';

/** The model the simulator runs by default. */
export const bittensorModel: Model<ModelScenario> = {
  name: 'bittensor',
  shape: (scenario) => (scenario.model?.neurons?.enabled === true ? SHAPE_WITH_NEURONS : SHAPE),
  run: runFuture,
  headline,
};
