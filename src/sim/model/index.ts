/** The Bittensor model, the simulator's default (`src/sim/model/index.ts#bittensorModel`). */
export {
  bittensorModel,
  type ModelParams,
  type ModelScenario,
  modelParamsSchema,
} from './bittensor/index.ts';
