/**
 * The validator's difficulty controller. Rule: after each challenge, if the best miner's accuracy is at
 * least {@link RAISE_AT} (the challenge no longer separates miners at the top), raise the difficulty by
 * {@link DIFFICULTY_STEP}; if it is below {@link EASE_BELOW} (everyone is near guessing, so scores are
 * mostly noise), lower it by one step; otherwise keep it. Always within [0, 1]. The difficulty thus
 * settles where the best miner scores between the two thresholds.
 */
import { InputError } from '../../../src/engine/errors.ts';
import { checkDifficulty, type Difficulty, MAX_DIFFICULTY, MIN_DIFFICULTY } from '../task/difficulty.ts';

/** Best accuracy at or above which the difficulty rises. */
export const RAISE_AT = 0.95;

/** Best accuracy below which the difficulty falls. */
export const EASE_BELOW = 0.6;

/** Change per challenge. */
export const DIFFICULTY_STEP = 0.05;

/**
 * The difficulty of the next challenge given this one's and the best miner's accuracy on it.
 * @example nextDifficulty(0.2, 0.97) // 0.25
 */
export function nextDifficulty(current: Difficulty, bestAccuracy: number): Difficulty {
  checkDifficulty(current, 'current');
  if (!(bestAccuracy >= 0 && bestAccuracy <= 1)) {
    throw new InputError('bestAccuracy', `${bestAccuracy} is not an accuracy; pass a number in [0, 1]`);
  }
  const step = bestAccuracy >= RAISE_AT ? DIFFICULTY_STEP : bestAccuracy < EASE_BELOW ? -DIFFICULTY_STEP : 0;
  // Rounded to 1e-9 so that repeated steps (0.05 + 0.05 + …) land on 0.1, 0.15, … exactly.
  const next = Number((current + step).toFixed(9));
  return Math.min(MAX_DIFFICULTY, Math.max(MIN_DIFFICULTY, next));
}
