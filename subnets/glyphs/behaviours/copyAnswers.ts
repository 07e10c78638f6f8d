/** A copying miner: it returns another miner's answers (obtained out of band) as its own. */
import type { GlyphLabel } from '../task/glyphClasses.ts';

/**
 * A copy of `source`'s answers.
 * @example copyAnswers([3, 1, 4]) // [3, 1, 4]
 */
export function copyAnswers(source: readonly GlyphLabel[]): GlyphLabel[] {
  return [...source];
}
