/**
 * Seeded random streams for glyph rendering. Each stream's full 128-bit state comes from a blake2b hash
 * of the seed and a path (e.g. the image's index), so every image has its own generator: a challenge's
 * first n images are the same whatever its count, and no image's draws shift another's.
 */
import { blake2b } from '@noble/hashes/blake2.js';
import { utf8ToBytes } from '@noble/hashes/utils.js';
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { xoroshiro128plusFromState } from 'pure-rand/generator/xoroshiro128plus';

/** A secret seed: a validator's challenge seed or a miner's training seed. */
export type GlyphSeed = string | number;

/** A stream of random numbers with the draws the renderer needs. */
export interface GlyphRng {
  /** Uniform in [0, 1). */
  uniform(): number;
  /** Uniform in [low, high). */
  between(low: number, high: number): number;
  /** Uniform integer in [0, n). */
  below(n: number): number;
  /** Standard normal (Box–Muller, one value per call). */
  normal(): number;
  /** True with probability `p`. */
  chance(p: number): boolean;
}

/**
 * The stream for `seed` and a path naming its use; different paths give independent streams.
 * @example const rng = createGlyphRng('secret', 'challenge', 0); rng.below(10)
 */
export function createGlyphRng(seed: GlyphSeed, ...path: readonly (string | number)[]): GlyphRng {
  const digest = blake2b(utf8ToBytes(['tensormarket/glyphs', String(seed), ...path].join('/')), {
    dkLen: 16,
  });
  const view = new DataView(digest.buffer, digest.byteOffset, digest.byteLength);
  const words = [0, 4, 8, 12].map((o) => view.getInt32(o, true));
  // xoroshiro128+ must not start from the all-zero state.
  if (!words.some((w) => w !== 0)) words[0] = 1;
  const g = xoroshiro128plusFromState(words);
  const uniform = () => uniformFloat64(g);
  return {
    uniform,
    between: (low, high) => low + (high - low) * uniform(),
    below: (n) => Math.min(n - 1, Math.floor(uniform() * n)),
    normal() {
      let u = uniform();
      while (u === 0) u = uniform();
      return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * uniform());
    },
    chance: (p) => uniform() < p,
  };
}
