/**
 * Seeded random streams. Every run and every subsystem of a run gets its own generator whose full
 * 128-bit state is taken from a blake2b hash of (master seed, run index, subsystem name), so streams
 * are independent, reproducible, and unaffected by how many draws another subsystem makes.
 */
import { blake2b } from '@noble/hashes/blake2.js';
import { utf8ToBytes } from '@noble/hashes/utils.js';
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { xoroshiro128plusFromState } from 'pure-rand/generator/xoroshiro128plus';
import type { RandomGenerator } from 'pure-rand/types/RandomGenerator';

/** A stream of random numbers with the distributions the simulator needs. */
export interface Rng {
  /** Uniform in [0, 1). */
  uniform(): number;
  /** Standard normal (Box–Muller, one value per call). */
  normal(): number;
  /** Poisson with mean `lambda` (Knuth for small means, normal approximation above 30). */
  poisson(lambda: number): number;
  /** True with probability `p`. */
  bernoulli(p: number): boolean;
  /** Exponential with mean 1. */
  exponential(): number;
}

/** The 4 × 32-bit state words for a stream, from a hash of its identity. */
export function streamState(seed: number, runIndex: number, subsystem: string): number[] {
  const digest = blake2b(utf8ToBytes(`tensormarket/${seed}/${runIndex}/${subsystem}`), { dkLen: 16 });
  const view = new DataView(digest.buffer, digest.byteOffset, digest.byteLength);
  const words: number[] = [0, 4, 8, 12].map((o) => view.getInt32(o, true));
  // xoroshiro128+ must not start from the all-zero state.
  if (!words.some((w) => w !== 0)) words[0] = 1;
  return words;
}

function fromGenerator(g: RandomGenerator): Rng {
  const uniform = () => uniformFloat64(g);
  return {
    uniform,
    normal() {
      let u = uniform();
      while (u === 0) u = uniform();
      return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * uniform());
    },
    poisson(lambda: number) {
      if (lambda <= 0) return 0;
      if (lambda > 30) return Math.max(0, Math.round(lambda + Math.sqrt(lambda) * this.normal()));
      const limit = Math.exp(-lambda);
      let k = 0;
      let p = uniform();
      while (p > limit) {
        k += 1;
        p *= uniform();
      }
      return k;
    },
    bernoulli(p: number) {
      return uniform() < p;
    },
    exponential() {
      let u = uniform();
      while (u === 0) u = uniform();
      return -Math.log(u);
    },
  };
}

/**
 * A stream for one subsystem of one run.
 * @example const market = createStream(1, 0, 'market'); market.normal()
 */
export function createStream(seed: number, runIndex: number, subsystem: string): Rng {
  return fromGenerator(xoroshiro128plusFromState(streamState(seed, runIndex, subsystem)));
}
