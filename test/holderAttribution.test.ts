import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OUTCOME_KEYS, type OutcomeKey } from '../src/sim/model/bittensor/metrics.ts';
import type { ModelScenario } from '../src/sim/model/bittensor/modelScenario.ts';
import { runFuture } from '../src/sim/model/bittensor/run.ts';
import { modelParamsSchema } from '../src/sim/model/index.ts';
import { loadScenario } from '../src/sim/scenario/loadScenario.ts';

const root = resolve(import.meta.dirname, '..');
const RUNS = 24;
const PARTS = [
  'returnFromDemand',
  'returnFromDilution',
  'returnFromValueReturned',
  'returnFromOther',
] as const;

const medianAbs = (xs: number[]) => {
  const s = xs.map(Math.abs).sort((a, b) => a - b);
  return (s[(s.length - 1) >> 1]! + s[s.length >> 1]!) / 2;
};

describe('returns by holder class and the unstaked holder’s attribution (default scenario)', () => {
  const scenario = loadScenario({
    file: join(root, 'scenarios', 'default.yaml'),
    modelSchema: modelParamsSchema,
  }) as unknown as ModelScenario & { readonly runs: number; readonly seed: number };
  const runs = Array.from({ length: RUNS }, (_, runIndex) => {
    const { outcomes } = runFuture({ scenario, seed: scenario.seed, runIndex });
    return (key: OutcomeKey) => outcomes[OUTCOME_KEYS.indexOf(key)]!;
  });
  const total = runs.map((o) => Math.log1p(o('holderReturnUnstaked')));

  it('splits ln(1 + holderReturnUnstaked) into parts that add up to it within 1e-9 in every run', () => {
    const residuals = runs.map((o, k) => Math.abs(PARTS.reduce((s, p) => s + o(p), 0) - total[k]!));
    expect(Math.max(...residuals)).toBeLessThanOrEqual(1e-9);
  });

  it('splits returnFromDemand into exogenous demand, useful output and outside money that add up to it', () => {
    const residuals = runs.map((o) =>
      Math.abs(
        o('demandFromExogenous') +
          o('demandFromUsefulOutput') +
          o('demandFromOutsideMoney') -
          o('returnFromDemand'),
      ),
    );
    expect(Math.max(...residuals)).toBeLessThanOrEqual(1e-9);
  });

  it('leaves to returnFromOther at most 10% of the total’s median magnitude', () => {
    const other = medianAbs(runs.map((o) => o('returnFromOther')));
    expect(other / medianAbs(total)).toBeLessThanOrEqual(0.1);
  });

  it('charges dilution for what recipients sold: negative in every run', () => {
    expect(runs.filter((o) => o('returnFromDilution') >= 0).length).toBe(0);
  });

  it('keeps holderReturn as the same value as holderReturnUnstaked', () => {
    expect(runs.map((o) => o('holderReturn'))).toEqual(runs.map((o) => o('holderReturnUnstaked')));
  });

  it('never leaves root stakers below unstaked holders (root dividends only add TAO)', () => {
    const below = runs.filter((o) => o('holderReturnRoot') < o('holderReturnUnstaked') - 1e-12).length;
    expect(below).toBe(0);
  });
});
