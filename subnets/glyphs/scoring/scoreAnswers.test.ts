import { describe, expect, it } from 'vitest';
import { scoreAnswers } from './scoreAnswers.ts';

describe('scoreAnswers', () => {
  it('counts correct answers and gives a Wilson interval around the accuracy', () => {
    const s = scoreAnswers({ answers: [1, 2, 3, 4], labels: [1, 2, 3, 5] });
    expect(s).toMatchObject({ correct: 3, total: 4, accuracy: 0.75, invalid: 0 });
    expect(s.interval.low).toBeLessThan(0.75);
    expect(s.interval.high).toBeGreaterThan(0.75);
  });
  it('counts missing and malformed answers as wrong, and ignores extra ones', () => {
    const s = scoreAnswers({ answers: [1, '2', 3.5, 12, null, 6, 7, 8], labels: [1, 2, 3, 4, 5, 6] });
    expect(s).toMatchObject({ correct: 2, total: 6, invalid: 4 });
    expect(scoreAnswers({ answers: [], labels: [0, 1] })).toMatchObject({ correct: 0, invalid: 2 });
  });
});
