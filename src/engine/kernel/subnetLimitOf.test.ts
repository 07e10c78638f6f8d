import { describe, expect, it } from 'vitest';
import { InputError } from '../errors.ts';
import { createKernelState } from './createKernelState.ts';
import { DEFAULT_KERNEL_PARAMS } from './defaultKernelParams.ts';
import { kernelBalance } from './kernelBalance.ts';
import { kernelStep } from './kernelStep.ts';
import { subnetLimitOf } from './subnetLimitOf.ts';
import type { KernelIntent, KernelParams, KernelState } from './types.ts';

const SLOTS = 8;
const REGISTER: KernelIntent = { kind: 'register', startImmediately: true };

/** `n` subnets past their immunity in 8 slots, moving prices rising with the slot (slot 0 lowest). */
function network(n: number, over: Partial<KernelParams> = {}): { params: KernelParams; state: KernelState } {
  const params: KernelParams = {
    ...DEFAULT_KERNEL_PARAMS,
    slots: SLOTS,
    blocksPerStep: 360,
    networkRateLimit: 0,
    networkImmunityPeriod: 1000,
    ...over,
  };
  const state = createKernelState({
    params,
    subnets: Array.from({ length: n }, (_, i) => ({
      taoReserve: 2_000 + 500 * i,
      alphaIn: 50_000,
      movingPrice: 0.02 + 0.01 * i,
      registeredAt: -1_000_000,
      holdings: { staker: 30_000 },
    })),
    issuance: 10_000_000,
    rootStake: 500_000,
    block: 1,
  });
  return { params, state };
}

const activeCount = (state: KernelState) => state.columns.active.reduce((a, b) => a + b, 0);

describe('subnetLimit', () => {
  it('limit 3 of 8 slots: a 4th registration prunes the lowest EMA; raising the limit lets it through', () => {
    const { params, state } = network(3, { subnetLimit: 3 });
    const full = kernelStep({ state, params, intents: [REGISTER] });
    expect(full.pruned).toEqual([0]);
    expect(full.registered).toEqual([0]);
    expect(full.dissolutionTao.reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
    expect(activeCount(state)).toBe(3);
    expect(state.columns.active[3]).toBe(0); // the free slots stay free

    const raised: KernelParams = { ...params, subnetLimit: 4 };
    const through = kernelStep({ state, params: raised, intents: [REGISTER] });
    expect(through.pruned).toEqual([]);
    expect(through.registered).toEqual([3]);
    expect(activeCount(state)).toBe(4);
    expect(kernelBalance(state).taoError).toBeLessThan(1e-12);
  });

  it('pruneAtLimit false: a registration at the limit is refused and nothing is pruned', () => {
    const { params, state } = network(3, { subnetLimit: 3, pruneAtLimit: false });
    const refused = kernelStep({ state, params, intents: [REGISTER] });
    expect(refused.registered).toEqual([]);
    expect(refused.pruned).toEqual([]);
    expect(activeCount(state)).toBe(3);
    const pruning = kernelStep({ state, params: { ...params, pruneAtLimit: true }, intents: [REGISTER] });
    expect(pruning.pruned).toEqual([0]);
    expect(pruning.registered).toEqual([0]);
  });

  it('absent, the limit is the slots: registrations fill free slots, then prune', () => {
    expect(subnetLimitOf({ ...DEFAULT_KERNEL_PARAMS, slots: SLOTS })).toBe(SLOTS);
    const { params, state } = network(7);
    const free = kernelStep({ state, params, intents: [REGISTER] });
    expect(free.registered).toEqual([7]);
    expect(free.pruned).toEqual([]);
    const full = kernelStep({ state, params, intents: [REGISTER] });
    expect(full.pruned).toEqual([0]);
    expect(activeCount(state)).toBe(SLOTS);
  });

  it('a limit below the active count dissolves nothing; each registration replaces a pruned subnet', () => {
    const { params, state } = network(5, { subnetLimit: 2 });
    kernelStep({ state, params });
    expect(activeCount(state)).toBe(5);
    const r = kernelStep({ state, params, intents: [REGISTER, REGISTER] });
    expect(r.pruned.length).toBe(2);
    expect(r.registered).toEqual(r.pruned);
    expect(activeCount(state)).toBe(5);
    expect(state.columns.active[5]).toBe(0);
  });

  it.each([0, 9, 2.5, -1, Number.NaN])('subnetLimit %s is refused with an error naming the field', (bad) => {
    const make = () => network(3, { subnetLimit: bad });
    expect(make).toThrow(InputError);
    expect(make).toThrow(/^params\.subnetLimit: .*must be an integer in 1\.\.8/);
    try {
      make();
    } catch (e) {
      expect((e as InputError).field).toBe('params.subnetLimit');
    }
    // Params changed after the state was made are checked when a registration reads them.
    const { params, state } = network(3);
    expect(() => kernelStep({ state, params: { ...params, subnetLimit: bad }, intents: [REGISTER] })).toThrow(
      /params\.subnetLimit/,
    );
  });
});
