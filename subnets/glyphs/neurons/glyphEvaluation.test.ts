import { describe, expect, it } from 'vitest';
import type { Dendrite } from '../../../src/sdk/dendrite/createDendrite.ts';
import type { QueryResult } from '../../../src/sdk/dendrite/queryResult.ts';
import type { MinerTarget } from '../../../src/sdk/validator/validator.ts';
import { imagesOf } from '../protocol/glyphSynapse.ts';
import { generateChallenge } from '../task/generateChallenge.ts';
import { glyphEvaluation } from './glyphEvaluation.ts';

const SECRET = 'test-secret';
const COUNT = 50;
const axon = { ip: '127.0.0.2', port: 1, ip_type: 4 as const, protocol: 0, version: 1 };
const miners: MinerTarget[] = ['good', 'copier', 'random', 'slow'].map((hotkey, uid) => ({
  uid,
  hotkey,
  axon,
}));

/**
 * A dendrite whose miners answer as their hotkey says: `good` right but for every fifth image (always
 * guessing 0 there), `copier` the same answers 30 ms later, `random` a fixed wrong-ish pattern, `slow`
 * not in time.
 */
function fakeDendrite(
  labelsOf: (round: number) => readonly number[],
  round: () => number,
): Pick<Dendrite, 'query'> {
  return {
    query: (async (
      axons: readonly { url: string; hotkey: string }[],
      _synapse: unknown,
      body: { count: number; images: string },
    ) => {
      expect(imagesOf(body)).toHaveLength(COUNT);
      const truth = labelsOf(round());
      const good = truth.map((l, i) => (i % 5 === 0 ? (l + 1) % 10 : l));
      return axons.map((a): QueryResult<{ labels: number[] }> => {
        const base = { axon: a } as const;
        if (a.hotkey === 'good')
          return { ...base, ok: true, status: 200, body: { labels: good }, latencyMs: 10, processMs: 1 };
        if (a.hotkey === 'copier')
          return { ...base, ok: true, status: 200, body: { labels: [...good] }, latencyMs: 40, processMs: 1 };
        if (a.hotkey === 'random')
          return {
            ...base,
            ok: true,
            status: 200,
            body: { labels: truth.map((_, i) => (i * 7) % 10) },
            latencyMs: 5,
            processMs: 1,
          };
        return {
          ...base,
          ok: false,
          status: 408,
          code: 'TIMEOUT',
          message: 'no answer in time',
          latencyMs: 4000,
        };
      });
    }) as Dendrite['query'],
  };
}

describe('glyphEvaluation', () => {
  it('scores accuracy, catches the copier by its shared mistakes, and gives no answer in time 0', async () => {
    let round = 0;
    const labelsOf = (r: number) =>
      generateChallenge({ seed: `${SECRET}/${r}`, count: COUNT, difficulty: 0.5 }).labels;
    const evaluation = glyphEvaluation({
      dendrite: fakeDendrite(labelsOf, () => round),
      secret: SECRET,
      count: COUNT,
      timeoutMs: 4000,
      difficulty: 0.5,
    });
    round = 1;
    const { miners: outcomes, task } = await evaluation.evaluate(miners, 1);
    const score = Object.fromEntries(outcomes.map((o) => [miners[o.uid]!.hotkey, o.score]));
    expect(score.good).toBeCloseTo(0.8);
    expect(score.copier).toBe(0);
    expect(score.random).toBeLessThan(0.3);
    expect(score.slow).toBe(0);
    expect(outcomes[3]).toMatchObject({ ok: false, status: 408, code: 'TIMEOUT' });
    expect(task).toEqual({ difficulty: 0.5, images: COUNT });
    // The best scored 80 %: between the thresholds, the difficulty holds.
    expect(evaluation.difficulty()).toBe(0.5);
  });

  it('raises the difficulty when the best miner scores 95 % or more', async () => {
    let round = 0;
    const truth = (r: number) =>
      generateChallenge({ seed: `${SECRET}/${r}`, count: COUNT, difficulty: 0.3 }).labels;
    const perfect: Pick<Dendrite, 'query'> = {
      query: (async (axons: readonly { url: string; hotkey: string }[]) =>
        axons.map((a) => ({
          axon: a,
          ok: true,
          status: 200,
          body: { labels: truth(round) },
          latencyMs: 1,
          processMs: 1,
        }))) as Dendrite['query'],
    };
    const evaluation = glyphEvaluation({
      dendrite: perfect,
      secret: SECRET,
      count: COUNT,
      timeoutMs: 1000,
      difficulty: 0.3,
    });
    round = 7;
    await evaluation.evaluate(miners.slice(0, 1), 7);
    expect(evaluation.difficulty()).toBe(0.35);
  });
});
