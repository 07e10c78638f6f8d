import { describe, expect, it } from 'vitest';
import { kernelBalance } from '../../../engine/kernel/index.ts';
import { readStartingState } from '../../start/readStartingState.ts';
import type { StartingState } from '../../start/startingState.ts';
import type { ModelScenario } from './modelScenario.ts';
import { modelParamsSchema } from './params.ts';
import { initialKernelState, simulateFuture } from './run.ts';

const read = readStartingState('scenarios/start/mainnet-2026-09-30.json');
if (!read.ok) throw new Error(read.message);
const recorded: StartingState = read.state;

const scenario = (startingState?: StartingState): ModelScenario => ({
  horizonDays: 30,
  step: 'day',
  recordEveryDays: 7,
  model: modelParamsSchema.parse({}),
  ...(startingState === undefined ? {} : { startingState }),
});

const sum = (xs: ArrayLike<number>) => Array.from(xs).reduce((s, x) => s + x, 0);

describe('the recorded starting network', () => {
  const { state } = initialKernelState({ scenario: scenario(recorded), seed: 1, runIndex: 0 });
  const c = state.columns;
  const issued = sum(recorded.subnets.map((s) => s.alphaIssued));

  it('has the recorded subnets, root stake and TAO issued at step 0', () => {
    expect(sum(c.active)).toBe(128);
    expect(state.rootStake).toBe(5_481_210);
    expect(state.issuance).toBe(11_540_400);
    expect(c.active[0]).toBe(1);
    expect(c.alphaIn[0]).toBeCloseTo(recorded.subnets[0]!.alphaInPool, 6);
  });

  it('holds the recorded alpha: issued in and out of the pools, 2.6% protocol-owned, burned', () => {
    expect(sum(c.alphaIn) + sum(c.alphaOut)).toBeCloseTo(issued, 0);
    expect(sum(c.protocolAlpha) / issued).toBeCloseTo(0.0262, 3);
    expect(sum(c.burnedAlpha)).toBeCloseTo(sum(recorded.subnets.map((s) => s.alphaBurned)), 0);
    const balance = kernelBalance(state);
    expect(Math.abs(balance.alphaError)).toBeLessThan(1e-3);
  });

  it('prices the pools by the file rule: alpha market cap = 0.27 × TAO issued', () => {
    let cap = 0;
    recorded.subnets.forEach((s) => {
      const i = s.netuid - 1;
      cap += (c.taoReserve[i]! / c.alphaIn[i]!) * (s.alphaIssued - s.alphaBurned);
    });
    expect(cap).toBeCloseTo(0.27 * 11_540_400, 0);
    expect(sum(c.emissionEnabled)).toBe(128 - 47);
  });

  it('runs a month with TAO and alpha accounted for', () => {
    const { state: end } = simulateFuture({ scenario: scenario(recorded), seed: 1, runIndex: 0 });
    const balance = kernelBalance(end);
    expect(Math.abs(balance.taoError)).toBeLessThan(1e-6 * balance.issuance);
    expect(Math.abs(balance.alphaError)).toBeLessThan(1e-3);
  });

  it('leaves the synthetic start as it was without one', () => {
    const { state: synthetic } = initialKernelState({ scenario: scenario(), seed: 1, runIndex: 0 });
    expect(synthetic.rootStake).toBe(3_000_000);
    expect(sum(synthetic.columns.burnedAlpha)).toBe(0);
    expect(sum(synthetic.columns.alphaIn) + sum(synthetic.columns.alphaOut)).toBeCloseTo(128 * 3_000_000, 0);
  });
});
