import { describe, expect, it } from 'vitest';
import { scoreAnswers } from '../scoring/scoreAnswers.ts';
import { GLYPH_CLASS_COUNT } from '../task/glyphClasses.ts';
import { createGlyphRng } from '../task/glyphRng.ts';
import { copyAnswers } from './copyAnswers.ts';
import { randomAnswers } from './randomAnswers.ts';

describe('lazy and adversarial answers', () => {
  it('random answers score near chance, and the interval says so', () => {
    const labels = Array.from({ length: 2000 }, (_, i) => i % GLYPH_CLASS_COUNT);
    const answers = randomAnswers({ count: labels.length, rng: createGlyphRng('lazy', 'round', 1) });
    const score = scoreAnswers({ answers, labels });
    expect(score.invalid).toBe(0);
    expect(score.interval.low).toBeLessThan(1 / GLYPH_CLASS_COUNT);
    expect(score.interval.high).toBeGreaterThan(1 / GLYPH_CLASS_COUNT);
    expect(score.interval.high).toBeLessThan(0.15);
  });
  it('a copy equals its source but is a new array', () => {
    const source = [3, 1, 4, 1, 5];
    const copy = copyAnswers(source);
    expect(copy).toEqual(source);
    expect(copy).not.toBe(source);
  });
});
