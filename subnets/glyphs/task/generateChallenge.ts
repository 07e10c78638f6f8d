/**
 * Labelled glyph sets from a seed: a validator's challenge (one difficulty) or a miner's training set
 * (difficulties spread up to a maximum). Byte-identical for the same inputs; the first n images of a
 * set are the same whatever its count.
 */
import { InputError } from '../../../src/engine/errors.ts';
import { checkDifficulty, type Difficulty } from './difficulty.ts';
import { GLYPH_CLASS_COUNT, type GlyphLabel } from './glyphClasses.ts';
import { GLYPH_FONTS } from './glyphFonts.ts';
import type { GlyphSet } from './glyphImage.ts';
import { createGlyphRng, type GlyphSeed } from './glyphRng.ts';
import { type GlyphSpec, renderGlyphs } from './renderGlyph.ts';

/** Most images one call renders (about 20 MB of pixels). */
export const MAX_GLYPH_SET = 25_000;

/** Which use a set's streams belong to: a seed's challenge and training images never coincide. */
type GlyphSetUse = 'challenge' | 'training';

function checkSeed(seed: GlyphSeed): void {
  const ok = typeof seed === 'string' ? seed.length > 0 : Number.isSafeInteger(seed);
  if (!ok)
    throw new InputError('seed', `${String(seed)} is not a seed; pass a non-empty string or a safe integer`);
}

function checkCount(count: number): void {
  if (!(Number.isInteger(count) && count >= 1 && count <= MAX_GLYPH_SET)) {
    throw new InputError('count', `${count} is not an image count; pass an integer in [1, ${MAX_GLYPH_SET}]`);
  }
}

/** Labels in blocks of {@link GLYPH_CLASS_COUNT}, each block a shuffled copy of every class: balanced to within one. */
function balancedLabels(seed: GlyphSeed, use: GlyphSetUse, count: number): GlyphLabel[] {
  const labels: GlyphLabel[] = [];
  for (let block = 0; labels.length < count; block++) {
    const rng = createGlyphRng(seed, use, 'labels', block);
    const perm = Array.from({ length: GLYPH_CLASS_COUNT }, (_, k) => k);
    for (let k = perm.length - 1; k > 0; k--) {
      const j = rng.below(k + 1);
      [perm[k], perm[j]] = [perm[j]!, perm[k]!];
    }
    labels.push(...perm);
  }
  return labels.slice(0, count);
}

function glyphSet(
  seed: GlyphSeed,
  use: GlyphSetUse,
  count: number,
  difficultyOf: (rng: GlyphSpec['rng']) => Difficulty,
): GlyphSet {
  checkSeed(seed);
  checkCount(count);
  const labels = balancedLabels(seed, use, count);
  const specs = labels.map((label, i): GlyphSpec => {
    const rng = createGlyphRng(seed, use, 'glyph', i);
    const font = GLYPH_FONTS[rng.below(GLYPH_FONTS.length)]!.family;
    return { label, font, difficulty: difficultyOf(rng), rng };
  });
  return { images: renderGlyphs(specs), labels };
}

/**
 * A validator's challenge: `count` images at one difficulty, labels balanced, fonts drawn per image.
 * @example const { images, labels } = generateChallenge({ seed: 'secret', count: 200, difficulty: 0.6 });
 */
export function generateChallenge(input: {
  readonly seed: GlyphSeed;
  readonly count: number;
  readonly difficulty: Difficulty;
}): GlyphSet {
  const difficulty = checkDifficulty(input.difficulty);
  return glyphSet(input.seed, 'challenge', input.count, () => difficulty);
}

/**
 * A miner's training set: `count` images whose difficulties are spread uniformly over [0, maxDifficulty],
 * so one model serves every difficulty a validator may ask.
 * @example const train = generateTrainingSet({ seed: 'miner-1', count: 3000, maxDifficulty: 1 });
 */
export function generateTrainingSet(input: {
  readonly seed: GlyphSeed;
  readonly count: number;
  readonly maxDifficulty: Difficulty;
}): GlyphSet {
  const max = checkDifficulty(input.maxDifficulty, 'maxDifficulty');
  return glyphSet(input.seed, 'training', input.count, (rng) => rng.between(0, max));
}
