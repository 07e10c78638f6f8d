import { describe, expect, it } from 'vitest';
import { answerOverlap } from './compareAnswers.ts';

describe('answerOverlap', () => {
  const labels = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];
  const source = [0, 1, 2, 3, 4, 5, 0, 0, 0, 0];
  it('shows a copier repeating every error of its source', () => {
    const o = answerOverlap({ a: [...source], b: source, labels });
    expect(o).toEqual({ agreement: 1, bothWrong: 4, sameWrong: 4, sameWrongShare: 1 });
  });
  it('separates independent errors from copied ones', () => {
    const independent = [0, 1, 2, 3, 4, 5, 1, 0, 2, 9];
    const o = answerOverlap({ a: independent, b: source, labels });
    expect(o.bothWrong).toBe(3);
    expect(o.sameWrong).toBe(1);
    expect(o.sameWrongShare).toBeCloseTo(1 / 3);
  });
});
