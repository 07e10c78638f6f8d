/** A lazy miner: a uniformly random label per image, without rendering or looking at anything. */
import { GLYPH_CLASS_COUNT, type GlyphLabel } from '../task/glyphClasses.ts';
import type { GlyphRng } from '../task/glyphRng.ts';

/**
 * `count` labels drawn uniformly from every class.
 * @example randomAnswers({ count: 100, rng: createGlyphRng('lazy', 'round', 1) })
 */
export function randomAnswers(input: { readonly count: number; readonly rng: GlyphRng }): GlyphLabel[] {
  return Array.from({ length: input.count }, () => input.rng.below(GLYPH_CLASS_COUNT));
}
