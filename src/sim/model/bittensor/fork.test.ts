import { describe, expect, it } from 'vitest';
import { NEURON_OUTCOMES, OUTCOMES, SERIES } from './metrics.ts';
import type { ModelScenario } from './modelScenario.ts';
import { modelParamsSchema } from './params.ts';
import { recordSteps } from './recordSteps.ts';
import { runFuture } from './run.ts';

const base = modelParamsSchema.parse({});
const flow = modelParamsSchema.parse({ rulePack: 'taoflow-2025-11' });
const scenario = (over: Partial<ModelScenario> = {}): ModelScenario => ({
  horizonDays: 80,
  step: 'day',
  recordEveryDays: 5,
  model: base,
  ...over,
});

describe('forks', () => {
  it('a branch shares the base future up to the fork point and follows its own rules after it', () => {
    const plain = runFuture({ scenario: scenario(), seed: 9, runIndex: 3 });
    const branch = runFuture({
      scenario: scenario({ model: flow, fork: { atDays: 40, baseModel: base } }),
      seed: 9,
      runIndex: 3,
    });
    const steps = recordSteps(scenario());
    const width = SERIES.length;
    let shared = 0;
    let diverged = false;
    steps.forEach((step, r) => {
      const a = Array.from(plain.series.subarray(r * width, (r + 1) * width));
      const b = Array.from(branch.series.subarray(r * width, (r + 1) * width));
      if (step <= 40) {
        expect(b).toEqual(a);
        shared += 1;
      } else if (a.some((x, k) => x !== b[k])) diverged = true;
    });
    expect(shared).toBe(9);
    expect(diverged).toBe(true);
  });

  it('a branch with the base rules is the base future, byte for byte', () => {
    const plain = runFuture({ scenario: scenario(), seed: 2, runIndex: 0 });
    const same = runFuture({
      scenario: scenario({ fork: { atDays: 30, baseModel: base } }),
      seed: 2,
      runIndex: 0,
    });
    expect(Buffer.from(same.series.buffer)).toEqual(Buffer.from(plain.series.buffer));
    expect(Buffer.from(same.outcomes.buffer)).toEqual(Buffer.from(plain.outcomes.buffer));
  });

  it('switching mechanisms and neurons on at the fork keeps the chain running', () => {
    const on = modelParamsSchema.parse({
      mechanisms: { covenant: { enabled: true }, usageEmission: { enabled: true } },
      neurons: { enabled: true, subnets: 2, validators: 6, miners: 12 },
    });
    const out = runFuture({
      scenario: scenario({ model: on, fork: { atDays: 20, baseModel: base } }),
      seed: 4,
      runIndex: 1,
    });
    expect(out.outcomes).toHaveLength(OUTCOMES.length + NEURON_OUTCOMES.length);
    // Neurons detailed from the fork on: their outcomes are measured over the branch.
    expect(out.outcomes[OUTCOMES.length + 1]!).toSatisfy(Number.isFinite);
    expect(out.outcomes[OUTCOMES.findIndex((m) => m.key === 'mechanismBurnTao')]).toBeGreaterThan(0);
  });
});
