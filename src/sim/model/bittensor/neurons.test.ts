import { describe, expect, it } from 'vitest';
import { kernelBalance } from '../../../engine/kernel/index.ts';
import { bittensorModel } from './index.ts';
import { NEURON_OUTCOMES, OUTCOMES } from './metrics.ts';
import type { ModelScenario } from './modelScenario.ts';
import { modelParamsSchema } from './params.ts';
import { runFuture, simulateFuture } from './run.ts';

const scenario = (model: unknown): ModelScenario => ({
  horizonDays: 90,
  step: 'day',
  recordEveryDays: 10,
  model: modelParamsSchema.parse(model),
});
const NEURONS = {
  neurons: { enabled: true, subnets: 2, validators: 8, miners: 16, lazyValidatorShare: 0.4 },
};
const at = (key: string) => OUTCOMES.length + NEURON_OUTCOMES.findIndex((m) => m.key === key);

describe('neurons mode in the simulator', () => {
  it('adds its outcomes to the shape only when on', () => {
    expect(bittensorModel.shape(scenario({})).outcomes).toHaveLength(OUTCOMES.length);
    expect(bittensorModel.shape(scenario(NEURONS)).outcomes).toHaveLength(
      OUTCOMES.length + NEURON_OUTCOMES.length,
    );
  });

  it('pays lazy validators almost nothing and better miners more, byte-identically per seed', () => {
    const a = runFuture({ scenario: scenario(NEURONS), seed: 3, runIndex: 2 });
    const b = runFuture({ scenario: scenario(NEURONS), seed: 3, runIndex: 2 });
    expect(Buffer.from(a.outcomes.buffer)).toEqual(Buffer.from(b.outcomes.buffer));
    expect(a.outcomes).toHaveLength(OUTCOMES.length + NEURON_OUTCOMES.length);
    // Past the activity cutoff stale weights earn no dividends: a small fraction of the honest yield.
    expect(a.outcomes[at('lazyValidatorYieldRatio')]).toBeLessThan(0.2);
    // The best-quality quarter of miners earns more than a quarter of the miners' alpha.
    expect(a.outcomes[at('topQualityMinerShare')]).toBeGreaterThan(0.3);
    expect(a.outcomes[at('minerIncentiveGini')]).toBeGreaterThan(0);
  });

  it('changes who earns, not how much: the network-level outcomes match the subnet-level model', () => {
    const on = runFuture({ scenario: scenario(NEURONS), seed: 5, runIndex: 0 });
    const off = runFuture({ scenario: scenario({}), seed: 5, runIndex: 0 });
    expect(Array.from(on.outcomes.subarray(0, OUTCOMES.length))).toEqual(Array.from(off.outcomes));
    const { state } = simulateFuture({ scenario: scenario(NEURONS), seed: 5, runIndex: 0 });
    expect(kernelBalance(state).taoError).toBeLessThan(1e-9);
  });
});
