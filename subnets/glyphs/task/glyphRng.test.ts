import { describe, expect, it } from 'vitest';
import { createGlyphRng } from './glyphRng.ts';

const draw = (seed: string | number, ...path: (string | number)[]) => {
  const rng = createGlyphRng(seed, ...path);
  return Array.from({ length: 6 }, () => rng.uniform());
};

describe('glyph random streams', () => {
  it('are reproducible', () => {
    expect(draw('s', 'glyph', 3)).toEqual(draw('s', 'glyph', 3));
  });
  it('differ across seeds and paths', () => {
    const base = draw('s', 'glyph', 3);
    expect(draw('t', 'glyph', 3)).not.toEqual(base);
    expect(draw('s', 'glyph', 4)).not.toEqual(base);
    expect(draw('s', 'labels', 3)).not.toEqual(base);
  });
  it('draw integers below n uniformly', () => {
    const rng = createGlyphRng(1, 'moments');
    const counts = new Array<number>(10).fill(0);
    for (let i = 0; i < 20_000; i++) counts[rng.below(10)]! += 1;
    for (const c of counts) expect(Math.abs(c - 2000)).toBeLessThan(200);
  });
});
