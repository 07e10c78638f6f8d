/**
 * Evidence that one miner copies another. Accuracy cannot tell a copier from its source, but errors
 * can: two independent models are often wrong on the same image, yet rarely with the same wrong label
 * every time. A copier repeats its source's mistakes exactly.
 */
import type { GlyphLabel } from '../task/glyphClasses.ts';

/** How two miners' answers on one challenge relate. */
export interface AnswerOverlap {
  /** Fraction of images given the same answer. */
  readonly agreement: number;
  /** Images both got wrong. */
  readonly bothWrong: number;
  /** Of those, how many got the same wrong label. */
  readonly sameWrong: number;
  /** sameWrong / bothWrong (0 when neither erred together): near 1 over many errors suggests copying. */
  readonly sameWrongShare: number;
}

/**
 * Compare answers `a` and `b` on a challenge with `labels`.
 * @example answerOverlap({ a: [1, 2, 3], b: [1, 2, 3], labels: [1, 7, 7] }).sameWrongShare // 1
 */
export function answerOverlap(input: {
  readonly a: readonly unknown[];
  readonly b: readonly unknown[];
  readonly labels: readonly GlyphLabel[];
}): AnswerOverlap {
  const { a, b, labels } = input;
  let same = 0;
  let bothWrong = 0;
  let sameWrong = 0;
  labels.forEach((label, i) => {
    if (a[i] === b[i]) same += 1;
    if (a[i] !== label && b[i] !== label) {
      bothWrong += 1;
      if (a[i] === b[i]) sameWrong += 1;
    }
  });
  return {
    agreement: labels.length === 0 ? 0 : same / labels.length,
    bothWrong,
    sameWrong,
    sameWrongShare: bothWrong === 0 ? 0 : sameWrong / bothWrong,
  };
}
