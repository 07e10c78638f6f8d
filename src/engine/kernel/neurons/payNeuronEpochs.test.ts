import { describe, expect, it } from 'vitest';
import { createFastEpochWorkspace } from '../../epoch/fast/workspace.ts';
import { cloneKernelState } from '../cloneKernelState.ts';
import { createKernelState } from '../createKernelState.ts';
import { DEFAULT_KERNEL_PARAMS } from '../defaultKernelParams.ts';
import { kernelBalance } from '../kernelBalance.ts';
import { kernelStep } from '../kernelStep.ts';
import { HOLDER_INDEX } from '../types.ts';
import { createNeuronSubnet, setNeuronWeights } from './neuronSubnet.ts';
import { createNeuronsMode } from './neuronsMode.ts';
import { payNeuronEpochs } from './payNeuronEpochs.ts';

const TEMPO = 360;

/** Validators 0..v-1 weigh miner m by `quality[m]` (u16 scale). */
function weightsFor(validators: number, quality: readonly number[]): Float64Array {
  const w = new Float64Array(validators * quality.length);
  for (let v = 0; v < validators; v++) for (const [m, q] of quality.entries()) w[v * quality.length + m] = q;
  return w;
}

describe('payNeuronEpochs', () => {
  it('splits miner alpha by incentive and validator alpha by dividends, conserving both pots', () => {
    const s = createNeuronSubnet({ validatorStake: [3000, 1000], miners: 3, block: 0 });
    setNeuronWeights(s, { weights: weightsFor(2, [1000, 3000, 6000]), fresh: Uint8Array.of(1, 1), block: 1 });
    const ws = createFastEpochWorkspace();
    let unassigned = 0;
    for (let e = 1; e <= 5; e++)
      unassigned += payNeuronEpochs({
        subnet: s,
        ws,
        server: 100,
        validator: 100,
        epochs: 1,
        lastBlock: e * TEMPO,
        tempo: TEMPO,
        maxEpochs: 1,
      }).unassigned;
    const miners = Array.from(s.minerAlpha.subarray(2));
    const total = s.minerAlpha.reduce((a, b) => a + b, 0) + s.validatorAlpha.reduce((a, b) => a + b, 0);
    expect(unassigned).toBe(0);
    expect(total).toBeCloseTo(1000, 9);
    // Consensus follows the weights: the best miner earns most, in proportion 1 : 3 : 6.
    expect(miners[2]! / miners[0]!).toBeCloseTo(6, 6);
    // Same weights, so dividends follow stake (3 : 1), and they compound into the stake.
    expect(s.validatorAlpha[0]! / s.validatorAlpha[1]!).toBeCloseTo(3, 2);
    expect(s.stake[0]).toBeCloseTo(3000 + s.validatorAlpha[0]!, 9);
  });

  it('a lazy validator that stops setting weights loses its dividends once past the activity cutoff', () => {
    const s = createNeuronSubnet({ validatorStake: [1000, 1000], miners: 4, block: 0 });
    const ws = createFastEpochWorkspace();
    const quality = [2000, 4000, 6000, 8000];
    const perEpoch: number[] = [];
    for (let e = 1; e <= 30; e++) {
      const block = e * TEMPO;
      // Validator 0 refreshes every epoch; validator 1 set weights once at the start.
      setNeuronWeights(s, {
        weights: weightsFor(2, quality),
        fresh: Uint8Array.of(1, e === 1 ? 1 : 0),
        block,
      });
      const before = s.validatorAlpha[1]!;
      payNeuronEpochs({
        subnet: s,
        ws,
        server: 100,
        validator: 100,
        epochs: 1,
        lastBlock: block,
        tempo: TEMPO,
        maxEpochs: 1,
      });
      perEpoch.push(s.validatorAlpha[1]! - before);
    }
    // Early on both earn about half; after the cutoff (about 5,000 blocks) the lazy one earns nothing.
    expect(perEpoch[2]!).toBeGreaterThan(40);
    expect(perEpoch[29]!).toBe(0);
    expect(s.validatorAlpha[0]!).toBeGreaterThan(2 * s.validatorAlpha[1]!);
  });

  it('runs at most maxEpochs epochs for a span of many tempos, on equal parts of the alpha', () => {
    // Weights set late in the span, so the validator is active at every epoch of it.
    const at = 20 * TEMPO - 10;
    const a = createNeuronSubnet({ validatorStake: [1000], miners: 2, block: 0 });
    setNeuronWeights(a, { weights: Float64Array.of(1000, 3000), fresh: Uint8Array.of(1), block: at });
    const b = createNeuronSubnet({ validatorStake: [1000], miners: 2, block: 0 });
    setNeuronWeights(b, { weights: Float64Array.of(1000, 3000), fresh: Uint8Array.of(1), block: at });
    const ws = createFastEpochWorkspace();
    payNeuronEpochs({
      subnet: a,
      ws,
      server: 200,
      validator: 0,
      epochs: 20,
      lastBlock: 20 * TEMPO,
      tempo: TEMPO,
      maxEpochs: 1,
    });
    payNeuronEpochs({
      subnet: b,
      ws,
      server: 200,
      validator: 0,
      epochs: 20,
      lastBlock: 20 * TEMPO,
      tempo: TEMPO,
      maxEpochs: 20,
    });
    expect(a.lastEpochBlock).toBe(20 * TEMPO);
    expect(b.lastEpochBlock).toBe(20 * TEMPO);
    // Fixed weights: the split is the same whether the span runs as 1 epoch or 20.
    expect(a.minerAlpha[2]! / a.minerAlpha[1]!).toBeCloseTo(3, 9);
    expect(b.minerAlpha[2]! / b.minerAlpha[1]!).toBeCloseTo(3, 9);
    expect(a.minerAlpha[1]! + a.minerAlpha[2]!).toBeCloseTo(200, 9);
  });
});

describe('neurons mode in the kernel', () => {
  it('splits the same class totals the subnet-level model pays, and forks with its neurons', () => {
    const params = { ...DEFAULT_KERNEL_PARAMS, slots: 4 };
    const state = createKernelState({
      params,
      subnets: [0, 1, 2].map((i) => ({
        taoReserve: 3000 + 1000 * i,
        alphaIn: 60_000,
        movingPrice: 0.05 + 0.01 * i,
        registeredAt: -1_000_000,
        holdings: { staker: 20_000, owner: 100, miner: 50, speculator: 0, root: 0 },
      })),
      issuance: 10_000_000,
      rootStake: 3_000_000,
    });
    state.neurons = createNeuronsMode(params.slots, 1);
    const detail = createNeuronSubnet({ validatorStake: [5000, 3000, 2000], miners: 6, block: 0 });
    state.neurons.subnets[1] = detail;
    const slots = params.slots;
    const minerHeld = () => state.columns.holdings[HOLDER_INDEX.miner * slots + 1]!;
    const stakerHeld = () => state.columns.holdings[HOLDER_INDEX.staker * slots + 1]!;
    const before = { miner: minerHeld(), staker: stakerHeld() };
    for (let day = 1; day <= 20; day++) {
      setNeuronWeights(detail, {
        weights: weightsFor(3, [1000, 2000, 3000, 4000, 5000, 6000]),
        fresh: Uint8Array.of(1, 1, 1),
        // Honest validators keep their weights fresh through the day: stamped at its last block.
        block: state.block + 7200,
      });
      kernelStep({ state, params, intents: [] });
    }
    const sum = (a: Float64Array) => a.reduce((x, y) => x + y, 0);
    expect(sum(detail.minerAlpha)).toBeCloseTo(minerHeld() - before.miner, 6);
    expect(sum(detail.validatorAlpha)).toBeCloseTo(stakerHeld() - before.staker, 6);
    expect(sum(detail.minerAlpha)).toBeGreaterThan(0);
    // Better miners (higher weights from every validator) earn more.
    expect(detail.minerAlpha[8]!).toBeGreaterThan(detail.minerAlpha[3]!);
    expect(kernelBalance(state).taoError).toBeLessThan(1e-12);
    expect(kernelBalance(state).alphaError).toBeLessThan(1e-12);

    const fork = cloneKernelState(state);
    kernelStep({ state, params, intents: [] });
    kernelStep({ state: fork, params, intents: [] });
    expect(Array.from(fork.neurons!.subnets[1]!.minerAlpha)).toEqual(Array.from(detail.minerAlpha));
    expect(fork.neurons!.subnets[1]).not.toBe(detail);
  });
});
