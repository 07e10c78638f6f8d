/**
 * A miner's score on one challenge: accuracy and its Wilson interval. A missing, extra-long or
 * malformed answer list is not an error (miners are untrusted): every position without a valid label
 * counts as wrong.
 */
import { GLYPH_CLASS_COUNT, type GlyphLabel } from '../task/glyphClasses.ts';
import { type ProportionInterval, wilsonInterval } from './wilsonInterval.ts';

/** How a miner did on a challenge. */
export interface ChallengeScore {
  readonly correct: number;
  readonly total: number;
  /** correct / total. */
  readonly accuracy: number;
  /** 95% Wilson interval on the accuracy. */
  readonly interval: ProportionInterval;
  /** Positions whose answer was missing or not a class label. */
  readonly invalid: number;
}

const isLabel = (x: unknown): x is GlyphLabel =>
  typeof x === 'number' && Number.isInteger(x) && x >= 0 && x < GLYPH_CLASS_COUNT;

/**
 * Score `answers` against the challenge's `labels`.
 * @example scoreAnswers({ answers: [3, 1, 4], labels: [3, 1, 5] }).accuracy // 2/3
 */
export function scoreAnswers(input: {
  readonly answers: readonly unknown[];
  readonly labels: readonly GlyphLabel[];
}): ChallengeScore {
  const { answers, labels } = input;
  let correct = 0;
  let invalid = 0;
  labels.forEach((label, i) => {
    const answer = answers[i];
    if (!isLabel(answer)) invalid += 1;
    else if (answer === label) correct += 1;
  });
  const total = labels.length;
  return {
    correct,
    total,
    accuracy: total === 0 ? 0 : correct / total,
    interval: total === 0 ? { low: 0, high: 1 } : wilsonInterval({ successes: correct, trials: total }),
    invalid,
  };
}
