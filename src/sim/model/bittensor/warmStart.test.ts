import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runPhases } from '../../contract/runPhases.ts';
import { loadScenario } from '../../scenario/loadScenario.ts';
import { createFutureContext } from './createFutureContext.ts';
import type { ModelScenario } from './modelScenario.ts';
import { modelParamsSchema } from './params.ts';
import { STEP_PHASES } from './stepPhases.ts';

const root = resolve(import.meta.dirname, '../../../..');

describe('the solved start', () => {
  const scenario = loadScenario({
    file: join(root, 'scenarios', 'steady-state.yaml'),
    modelSchema: modelParamsSchema,
  }) as unknown as ModelScenario;
  const ctx = createFutureContext({ scenario, seed: 1, runIndex: 0 });
  const before = Float64Array.from(ctx.alphaPerDay);
  const minersBefore = Float64Array.from(ctx.world.miners);
  ctx.step = 1;
  ctx.wholeDay = 1;
  runPhases(STEP_PHASES, ctx);

  it('gives the first step the alpha per day that the chain then emits', () => {
    const active = Array.from(ctx.state.columns.active.keys()).filter(
      (i) => ctx.state.columns.active[i] === 1,
    );
    expect(active.length).toBe(128);
    const worst = Math.max(...active.map((i) => Math.abs(ctx.alphaPerDay[i]! / before[i]! - 1)));
    expect(worst).toBeLessThan(1e-6);
  });

  it('starts miners at break-even, so none enter or leave on the first day', () => {
    const moved = Array.from(minersBefore.keys()).filter(
      (i) => Math.abs(ctx.world.miners[i]! - minersBefore[i]!) > 1e-6 * minersBefore[i]!,
    );
    expect(moved).toEqual([]);
  });

  it('balances the TAO market: baseline investors buy what recipients sell, net of holders and buybacks', () => {
    expect(ctx.investorTaoPerDay).toBeGreaterThan(0);
    expect(Math.abs(ctx.taoUsd / ctx.price0 - 1)).toBeLessThan(1e-3);
  });
});
