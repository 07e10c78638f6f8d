import { describe, expect, it } from 'vitest';
import { InputError } from '../../../engine/errors.ts';
import { BLOCKS_PER_DAY } from '../../../engine/kernel/index.ts';
import { runPhases } from '../../contract/runPhases.ts';
import { addDays, type RuleChange } from '../../scenario/ruleTimeline.ts';
import { createFutureContext } from './createFutureContext.ts';
import { kernelParams } from './kernelParams.ts';
import type { ModelScenario } from './modelScenario.ts';
import { modelParamsSchema } from './params.ts';
import { STEP_PHASES } from './stepPhases.ts';

const START = '2025-07-27';
/** Chain parameters unlike the kernel's defaults, so that reaching the kernel shows. */
const CHAIN = { networkRateLimit: 7_200, subnetLimit: 64, lockReductionInterval: 100_800 } as const;
const DTAO: readonly RuleChange[] = [{ from: '2025-02-13', pack: 'dtao-2025-02', params: CHAIN }];

const scenario = (over: Partial<ModelScenario> = {}): ModelScenario => ({
  horizonDays: 5,
  step: 'day',
  recordEveryDays: 1,
  model: modelParamsSchema.parse({ network: { subnets: 8 } }),
  startDate: START,
  rules: DTAO,
  ...over,
});

describe('the rule timeline in the kernel parameters', () => {
  it('runs launch terms on days 0–1 (to 2025-07-28) and subsidy terms from day 2 (2025-07-29)', () => {
    const s = scenario();
    const variants = [0, 1, 2, 3, 4].map((day) => [addDays(START, day), kernelParams(s, day).ruleVariant]);
    expect(variants).toEqual([
      ['2025-07-27', 'launch'],
      ['2025-07-28', 'launch'],
      ['2025-07-29', 'subsidy'],
      ['2025-07-30', 'subsidy'],
      ['2025-07-31', 'subsidy'],
    ]);
  });

  it('puts the timeline’s pack and chain parameters in the kernel parameters', () => {
    const s = scenario();
    expect(s.model.rulePack).not.toBe('dtao-2025-02');
    const kp = kernelParams(s, 0);
    expect(kp.rulePack).toBe('dtao-2025-02');
    expect({
      networkRateLimit: kp.networkRateLimit,
      subnetLimit: kp.subnetLimit,
      lockReductionInterval: kp.lockReductionInterval,
    }).toEqual(CHAIN);
  });

  it('leaves the model’s own pack and no variant without a timeline, or before its first entry', () => {
    const { rules: _, ...plain } = scenario();
    const model = kernelParams(plain, 2);
    expect(model.rulePack).toBe(plain.model.rulePack);
    expect(model.ruleVariant).toBeUndefined();
    const early = kernelParams(scenario({ startDate: '2025-02-10' }), 2);
    expect(early.rulePack).toBe(plain.model.rulePack);
    expect(early.networkRateLimit).not.toBe(CHAIN.networkRateLimit);
    expect(kernelParams(scenario({ startDate: '2025-02-10' }), 3).rulePack).toBe('dtao-2025-02');
  });
});

describe('the rule timeline in a running future', () => {
  it('switches from launch to subsidy on the step that starts on 2025-07-29, at block 2 × 7,200', () => {
    const ctx = createFutureContext({ scenario: scenario(), seed: 5, runIndex: 0 });
    expect(ctx.kernel.ruleVariant).toBe('launch');
    const steps: { date: string; block: number; pack: string | undefined; variant: string | undefined }[] =
      [];
    for (let step = 1; step <= ctx.totalSteps; step++) {
      ctx.step = step;
      ctx.wholeDay = Math.floor(step * ctx.dt);
      const block = ctx.state.block;
      runPhases(STEP_PHASES, ctx);
      steps.push({
        date: addDays(START, step - 1),
        block,
        pack: ctx.kernel.rulePack,
        variant: ctx.kernel.ruleVariant,
      });
      expect(ctx.kernel.networkRateLimit).toBe(CHAIN.networkRateLimit);
    }
    expect(steps).toEqual([
      { date: '2025-07-27', block: 0, pack: 'dtao-2025-02', variant: 'launch' },
      { date: '2025-07-28', block: BLOCKS_PER_DAY, pack: 'dtao-2025-02', variant: 'launch' },
      { date: '2025-07-29', block: 2 * BLOCKS_PER_DAY, pack: 'dtao-2025-02', variant: 'subsidy' },
      { date: '2025-07-30', block: 3 * BLOCKS_PER_DAY, pack: 'dtao-2025-02', variant: 'subsidy' },
      { date: '2025-07-31', block: 4 * BLOCKS_PER_DAY, pack: 'dtao-2025-02', variant: 'subsidy' },
    ]);
    expect(ctx.state.block).toBe(5 * BLOCKS_PER_DAY);
  });

  it('refuses a timeline without a start date or a dated starting state, naming startDate', () => {
    const { startDate: _, ...undated } = scenario();
    let thrown: unknown;
    try {
      createFutureContext({ scenario: undated, seed: 5, runIndex: 0 });
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(InputError);
    expect((thrown as InputError).field).toBe('startDate');
  });
});

describe('a fork under a rule timeline', () => {
  it('shares the base future to the fork day, then runs the branch model under the timeline’s rules', () => {
    const base = modelParamsSchema.parse({ network: { subnets: 8 } });
    const branch = modelParamsSchema.parse({ network: { subnets: 8 }, teams: { ownerSellShare: 0.8 } });
    const run = (s: ModelScenario) => {
      const ctx = createFutureContext({ scenario: s, seed: 7, runIndex: 1 });
      const trace: { variant: string | undefined; sum: number }[] = [];
      for (let step = 1; step <= ctx.totalSteps; step++) {
        ctx.step = step;
        ctx.wholeDay = Math.floor(step * ctx.dt);
        runPhases(STEP_PHASES, ctx);
        let sum = 0;
        for (let i = 0; i < ctx.spot.length; i++) sum += ctx.spot[i]!;
        trace.push({ variant: ctx.kernel.ruleVariant, sum });
      }
      return trace;
    };
    const plain = run(scenario({ model: base }));
    const forked = run(scenario({ model: branch, fork: { atDays: 2, baseModel: base } }));
    expect(forked.slice(0, 2)).toEqual(plain.slice(0, 2));
    expect(forked.map((t) => t.variant)).toEqual(['launch', 'launch', 'subsidy', 'subsidy', 'subsidy']);
    expect(forked.slice(2).some((t, k) => t.sum !== plain[k + 2]!.sum)).toBe(true);
  });
});
