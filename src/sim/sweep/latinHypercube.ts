/**
 * Latin hypercube samples in the unit cube (McKay, Beckman and Conover 1979): each dimension is cut into
 * `samples` equal strata and every stratum holds exactly one point, at a uniform place inside it; the
 * strata are paired across dimensions by independent random permutations. Seeded, so a sweep draws the
 * same points every time.
 */
import { InputError } from '../../engine/errors.ts';
import { createStream } from '../rng/stream.ts';

/** The random stream's subsystem name, so no other stream of the seed shares its draws. */
const SUBSYSTEM = 'sweep/latin-hypercube';

/**
 * `samples` points in `dimensions` dimensions, one row per point, drawn from `seed`.
 * @example latinHypercube({ samples: 4, dimensions: 2, seed: 1 }).map((p) => Math.floor(p[0] * 4)).sort() // [0, 1, 2, 3]
 */
export function latinHypercube({
  samples,
  dimensions,
  seed,
}: {
  samples: number;
  dimensions: number;
  seed: number;
}): number[][] {
  if (!Number.isInteger(samples) || samples < 1)
    throw new InputError('samples', `expected an integer of at least 1, got ${samples}`);
  if (!Number.isInteger(dimensions) || dimensions < 1)
    throw new InputError('dimensions', `expected an integer of at least 1, got ${dimensions}`);
  const rng = createStream(seed, 0, SUBSYSTEM);
  const rows = Array.from({ length: samples }, () => new Array<number>(dimensions).fill(0));
  for (let d = 0; d < dimensions; d++) {
    const strata = Array.from({ length: samples }, (_, i) => i);
    // Fisher–Yates.
    for (let i = samples - 1; i > 0; i--) {
      const j = Math.floor(rng.uniform() * (i + 1));
      [strata[i], strata[j]] = [strata[j]!, strata[i]!];
    }
    for (let i = 0; i < samples; i++) rows[i]![d] = (strata[i]! + rng.uniform()) / samples;
  }
  return rows;
}
