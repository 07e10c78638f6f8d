import { describe, expect, it } from 'vitest';
import { runPhases } from '../../contract/runPhases.ts';
import { createFutureContext, type FutureContext } from './createFutureContext.ts';
import type { ModelScenario } from './modelScenario.ts';
import { modelParamsSchema } from './params.ts';
import { runStep, STEP_PHASES } from './stepPhases.ts';

const scenario: ModelScenario = {
  horizonDays: 45,
  step: 'day',
  recordEveryDays: 5,
  model: modelParamsSchema.parse({
    mechanisms: { covenant: { enabled: true }, credits: { enabled: true, griefersPerYear: 20 } },
    neurons: { enabled: true, subnets: 2, validators: 4, miners: 8 },
  }),
};

/** A future stepped to its horizon by `step`. */
function stepped(step: (ctx: FutureContext) => void): FutureContext {
  const ctx = createFutureContext({ scenario, seed: 7, runIndex: 1 });
  for (let s = 1; s <= ctx.totalSteps; s++) {
    ctx.step = s;
    ctx.wholeDay = Math.floor(s * ctx.dt);
    step(ctx);
  }
  return ctx;
}

describe('runStep', () => {
  it('runs the phases of STEP_PHASES in their order: the same future byte for byte', () => {
    const listed = stepped((ctx) => runPhases(STEP_PHASES, ctx));
    const direct = stepped(runStep);
    expect(Buffer.from(direct.series.buffer)).toEqual(Buffer.from(listed.series.buffer));
    expect(Buffer.from(direct.state.columns.holdings.buffer)).toEqual(
      Buffer.from(listed.state.columns.holdings.buffer),
    );
    expect(direct.wallets.speculators).toBe(listed.wallets.speculators);
    expect(direct.taoUsd).toBe(listed.taoUsd);
  });
});
