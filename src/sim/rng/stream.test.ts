import { describe, expect, it } from 'vitest';
import { createStream, streamState } from './stream.ts';

const draw = (seed: number, run: number, sub: string, n = 5) => {
  const r = createStream(seed, run, sub);
  return Array.from({ length: n }, () => r.uniform());
};

describe('random streams', () => {
  it('are reproducible', () => {
    expect(draw(1, 0, 'market')).toEqual(draw(1, 0, 'market'));
  });
  it('differ across seeds, runs and subsystems', () => {
    const base = draw(1, 0, 'market');
    expect(draw(2, 0, 'market')).not.toEqual(base);
    expect(draw(1, 1, 'market')).not.toEqual(base);
    expect(draw(1, 0, 'teams')).not.toEqual(base);
    expect(new Set(streamState(1, 0, 'a').concat(streamState(1, 1, 'a'))).size).toBe(8);
  });
  it('have the expected moments', () => {
    const r = createStream(7, 3, 'moments');
    const n = 20_000;
    let su = 0;
    let sn = 0;
    let sn2 = 0;
    let sp = 0;
    for (let i = 0; i < n; i++) {
      su += r.uniform();
      const z = r.normal();
      sn += z;
      sn2 += z * z;
      sp += r.poisson(4);
    }
    expect(su / n).toBeCloseTo(0.5, 1);
    expect(sn / n).toBeCloseTo(0, 1);
    expect(sn2 / n).toBeCloseTo(1, 1);
    expect(sp / n).toBeCloseTo(4, 1);
  });
});
