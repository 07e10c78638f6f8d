/**
 * How the glyphs validator runs a round: a fresh challenge from its secret seed and the round number (so
 * answers cannot be looked up or memorised), sent to every miner with a deadline, each answer scored by
 * accuracy; a miner that repeats another's mistakes exactly (a copier: independent models are seldom
 * wrong the same way every time) scores 0 unless it answered first; a miner that gave no answer in time
 * scores 0. After each round the difficulty follows the best accuracy (`nextDifficulty`), so the best
 * miner stays below about 95 % and miners remain distinguishable.
 */
import type { Dendrite } from '../../../src/sdk/dendrite/createDendrite.ts';
import { axonTarget } from '../../../src/sdk/validator/axonTarget.ts';
import type { Evaluation, MinerOutcome, MinerTarget } from '../../../src/sdk/validator/validator.ts';
import { challengeBody, GlyphChallenge } from '../protocol/glyphSynapse.ts';
import { answerOverlap } from '../scoring/compareAnswers.ts';
import { nextDifficulty } from '../scoring/nextDifficulty.ts';
import { scoreAnswers } from '../scoring/scoreAnswers.ts';
import type { Difficulty } from '../task/difficulty.ts';
import { generateChallenge } from '../task/generateChallenge.ts';
import type { GlyphSeed } from '../task/glyphRng.ts';

/** Shared wrong answers (of at least this many both got wrong) above which the later answer is a copy. */
export const COPY_SAME_WRONG_SHARE = 0.9;
/** Errors in common needed before two miners are compared. */
export const COPY_MIN_BOTH_WRONG = 5;

/** Options of {@link glyphEvaluation}. */
export interface GlyphEvaluationOptions {
  readonly dendrite: Pick<Dendrite, 'query'>;
  /** The validator's secret: challenges derive from it and the round. */
  readonly secret: GlyphSeed;
  /** Images per challenge. */
  readonly count: number;
  /** Deadline of each miner's answer, ms. */
  readonly timeoutMs: number;
  /** Difficulty of the first round. */
  readonly difficulty: Difficulty;
}

/** The validator's `evaluate`, and its current difficulty. */
export interface GlyphEvaluation {
  evaluate(miners: readonly MinerTarget[], round: number): Promise<Evaluation>;
  difficulty(): Difficulty;
}

export function glyphEvaluation(options: GlyphEvaluationOptions): GlyphEvaluation {
  let difficulty = options.difficulty;
  return {
    difficulty: () => difficulty,
    async evaluate(miners, round) {
      const asked = difficulty;
      const { images, labels } = generateChallenge({
        seed: `${options.secret}/${round}`,
        count: options.count,
        difficulty: asked,
      });
      const results = await options.dendrite.query(
        miners.map(axonTarget),
        GlyphChallenge,
        challengeBody(images),
        { timeoutMs: options.timeoutMs },
      );
      const answers = results.map((r) => (r.ok ? r.body.labels : null));
      const scores = answers.map((a) => (a === null ? 0 : scoreAnswers({ answers: a, labels }).accuracy));
      // Of two miners repeating each other's mistakes, the one that answered later copied.
      for (let i = 0; i < miners.length; i++)
        for (let j = i + 1; j < miners.length; j++) {
          const a = answers[i];
          const b = answers[j];
          if (a === null || a === undefined || b === null || b === undefined) continue;
          const overlap = answerOverlap({ a, b, labels });
          if (overlap.bothWrong < COPY_MIN_BOTH_WRONG || overlap.sameWrongShare < COPY_SAME_WRONG_SHARE)
            continue;
          scores[results[i]!.latencyMs > results[j]!.latencyMs ? i : j] = 0;
        }
      const outcomes: MinerOutcome[] = miners.map((m, i) => {
        const r = results[i]!;
        return {
          uid: m.uid,
          ok: r.ok,
          status: r.status,
          code: r.ok ? null : r.code,
          latencyMs: r.latencyMs,
          score: scores[i]!,
        };
      });
      difficulty = nextDifficulty(asked, Math.max(0, ...scores));
      return { miners: outcomes, task: { difficulty: asked, images: options.count } };
    },
  };
}
