/**
 * The small seeded generator tests and benchmarks share (mulberry32): 32 bits of state, the same
 * sequence on every platform. Recorded fixtures (the Yuma regression digests) depend on this exact
 * sequence, so the arithmetic must not change.
 */

/** Floats in [0, 1), one per call. */
export type Random = () => number;

/**
 * A generator seeded with `seed` (taken as an unsigned 32-bit integer).
 * @example const rand = seededRandom(42); rand() // 0.6011037519201636
 */
export function seededRandom(seed: number): Random {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
