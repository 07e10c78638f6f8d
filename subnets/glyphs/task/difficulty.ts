/**
 * A challenge's difficulty: a number in [0, 1] that scales every random transform, from clean centred
 * glyphs at 0 to rotated, sheared, thinned or thickened, blurred, occluded and noisy ones at 1.
 */
import { InputError } from '../../../src/engine/errors.ts';

/** Difficulty in [{@link MIN_DIFFICULTY}, {@link MAX_DIFFICULTY}]. */
export type Difficulty = number;

/** Clean glyphs: every transform at its smallest. */
export const MIN_DIFFICULTY = 0;

/** Every transform at its largest. */
export const MAX_DIFFICULTY = 1;

/** `value` as a difficulty, or an {@link InputError} naming `field`. */
export function checkDifficulty(value: number, field = 'difficulty'): Difficulty {
  if (!(Number.isFinite(value) && value >= MIN_DIFFICULTY && value <= MAX_DIFFICULTY)) {
    throw new InputError(
      field,
      `${value} is outside [${MIN_DIFFICULTY}, ${MAX_DIFFICULTY}]; pass a number in that range`,
    );
  }
  return value;
}
