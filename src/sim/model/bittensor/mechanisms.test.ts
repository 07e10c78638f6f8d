import { describe, expect, it } from 'vitest';
import { kernelBalance } from '../../../engine/kernel/index.ts';
import { OUTCOMES } from './metrics.ts';
import type { ModelScenario } from './modelScenario.ts';
import { modelParamsSchema } from './params.ts';
import { runFuture, simulateFuture } from './run.ts';

const ALL_ON = {
  mechanisms: {
    covenant: { enabled: true },
    vesting: { enabled: true, cliff: 20 },
    credits: { enabled: true, griefersPerYear: 20 },
    usageEmission: { enabled: true },
    computeMarket: { enabled: true },
  },
};
const scenario = (model: unknown): ModelScenario => ({
  horizonDays: 60,
  step: 'day',
  recordEveryDays: 7,
  model: modelParamsSchema.parse(model),
});
const at = (key: string) => OUTCOMES.findIndex((m) => m.key === key);

describe('binding mechanisms in the simulator', () => {
  it('is byte-identical for the same seed and differs from the status quo', () => {
    const a = runFuture({ scenario: scenario(ALL_ON), seed: 4, runIndex: 1 });
    const b = runFuture({ scenario: scenario(ALL_ON), seed: 4, runIndex: 1 });
    const quo = runFuture({ scenario: scenario({}), seed: 4, runIndex: 1 });
    expect(Buffer.from(a.series.buffer)).toEqual(Buffer.from(b.series.buffer));
    expect(Buffer.from(a.outcomes.buffer)).toEqual(Buffer.from(b.outcomes.buffer));
    expect(Buffer.from(a.outcomes.buffer)).not.toEqual(Buffer.from(quo.outcomes.buffer));
    expect(a.outcomes[at('mechanismBurnTao')]).toBeGreaterThan(0);
    expect(quo.outcomes[at('mechanismBurnTao')]).toBe(0);
    expect(a.outcomes[at('returnRatio')]).toBeGreaterThan(quo.outcomes[at('returnRatio')]!);
  });

  it('keeps the chain balanced with every mechanism and adversary on', () => {
    const { state } = simulateFuture({ scenario: scenario(ALL_ON), seed: 2, runIndex: 0 });
    const b = kernelBalance(state);
    expect(b.taoError).toBeLessThan(1e-9);
    expect(b.alphaError).toBeLessThan(1e-6);
    expect(state.columns.defaults.reduce((s, v) => s + v, 0)).toBeGreaterThan(0); // under-reporters default
  });
});
