/** A validator's runtime: running scores, weights from scores, the round loop and its records. */

export { axonTarget } from './axonTarget.ts';
export {
  appendRoundRecord,
  type MinerRound,
  minerRoundSchema,
  ROUNDS_FILE,
  type RoundRecord,
  roundRecordSchema,
  type WeightsAction,
  weightsActionSchema,
} from './roundRecord.ts';
export { DEFAULT_SCORE_ALPHA, ScoreBook } from './scoreBook.ts';
export {
  type Evaluation,
  type MinerOutcome,
  type MinerTarget,
  Validator,
  type ValidatorOptions,
} from './validator.ts';
export { type WeightVector, weightsFromScores } from './weightsFromScores.ts';
