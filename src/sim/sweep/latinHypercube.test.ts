import { describe, expect, it } from 'vitest';
import { latinHypercube } from './latinHypercube.ts';

describe('latinHypercube', () => {
  it('puts one point in each stratum of every dimension', () => {
    const samples = 20;
    const points = latinHypercube({ samples, dimensions: 3, seed: 5 });
    expect(points).toHaveLength(samples);
    for (let d = 0; d < 3; d++) {
      const strata = points.map((p) => Math.floor(p[d]! * samples)).sort((x, y) => x - y);
      expect(strata, `dimension ${d}`).toEqual(Array.from({ length: samples }, (_, i) => i));
    }
  });

  it('draws the same points for a seed and others for another seed', () => {
    const one = latinHypercube({ samples: 8, dimensions: 2, seed: 1 });
    expect(latinHypercube({ samples: 8, dimensions: 2, seed: 1 })).toEqual(one);
    expect(latinHypercube({ samples: 8, dimensions: 2, seed: 2 })).not.toEqual(one);
  });
});
