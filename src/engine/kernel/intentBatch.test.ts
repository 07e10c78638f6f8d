import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cloneKernelState } from './cloneKernelState.ts';
import { createKernelState } from './createKernelState.ts';
import { DEFAULT_KERNEL_PARAMS } from './defaultKernelParams.ts';
import { IntentBatch } from './intentBatch.ts';
import { userIntents } from './kernelIntents.testkit.ts';
import { kernelStep } from './kernelStep.ts';
import {
  HOLDER_CLASSES,
  HOLDER_INDEX,
  holderColumnOf,
  type KernelIntent,
  type KernelParams,
  type KernelState,
} from './types.ts';

const params: KernelParams = {
  ...DEFAULT_KERNEL_PARAMS,
  slots: 6,
  blocksPerStep: 360,
  networkRateLimit: 0,
  minLock: 100,
};

function network(): KernelState {
  return createKernelState({
    params,
    subnets: Array.from({ length: 4 }, (_, i) => {
      const price = 0.02 + 0.01 * i;
      const tao = 3_000 + 500 * i;
      return {
        taoReserve: tao,
        alphaIn: tao / price,
        movingPrice: price,
        registeredAt: -1_000_000,
        holdings: { staker: 50_000, owner: 1_000, miner: 500, speculator: 200, root: 100 },
      };
    }),
    issuance: 10_000_000,
    rootStake: 300_000,
  });
}

/** Every float column of the state, for a bit-for-bit comparison. */
function columnsOf(state: KernelState): Record<string, number[]> {
  const out: Record<string, number[]> = {};
  for (const [key, value] of Object.entries(state.columns)) {
    if (ArrayBuffer.isView(value)) out[key] = Array.from(value as Float64Array);
  }
  return out;
}

const slot = fc.integer({ min: -1, max: 6 });
const intent: fc.Arbitrary<KernelIntent> = fc.oneof(
  ...userIntents(slot),
  fc.record({
    kind: fc.constant('buyback' as const),
    slot,
    tao: fc.double({ min: 0, max: 300, noNaN: true }),
  }),
  fc.record({
    kind: fc.constant('ownerMining' as const),
    slot,
    detected: fc.double({ min: -0.5, max: 1.5, noNaN: true }),
    undetected: fc.double({ min: 0, max: 1, noNaN: true }),
  }),
  // Kinds the batch keeps as objects, in order with the others.
  fc.record({
    kind: fc.constant('burnRegister' as const),
    slot,
    tao: fc.double({ min: 0, max: 5, noNaN: true }),
  }),
);

describe('IntentBatch', () => {
  it('gives the same state and results, bit for bit, as the same intents as objects', () => {
    fc.assert(
      fc.property(fc.array(fc.array(intent, { maxLength: 9 }), { minLength: 1, maxLength: 12 }), (steps) => {
        const a = network();
        const b = cloneKernelState(a);
        // One batch reused for every step, grown past its capacity on the way.
        const batch = new IntentBatch(2);
        for (const intents of steps) {
          const fromObjects = kernelStep({ state: a, params, intents });
          batch.clear();
          for (const it of intents) batch.push(it);
          expect(Array.from({ length: batch.length }, (_, k) => batch.at(k))).toEqual(intents);
          const fromBatch = kernelStep({ state: b, params, intents: batch });
          expect(Array.from(fromBatch.filled)).toEqual(fromObjects.filled);
          expect(Array.from(fromBatch.proceeds)).toEqual(fromObjects.proceeds);
          expect(Array.from(fromBatch.received)).toEqual(fromObjects.received);
          expect(fromBatch.registered).toEqual(fromObjects.registered);
        }
        expect(columnsOf(b)).toEqual(columnsOf(a));
        expect([b.issuance, b.external, b.rootStake]).toEqual([a.issuance, a.external, a.rootStake]);
      }),
      { numRuns: 60 },
    );
  });

  it('keeps an unknown holder as an object, which the kernel refuses (filled 0)', () => {
    const batch = new IntentBatch();
    const odd = { kind: 'stake', slot: 0, tao: 10, holder: 'nobody' } as unknown as KernelIntent;
    batch.push(odd);
    expect(batch.at(0)).toBe(odd);
    const report = kernelStep({ state: network(), params, intents: batch });
    expect(Array.from(report.filled)).toEqual([0]);
  });
});

describe('holderColumnOf', () => {
  it('gives each holder class its column in holdings, and -1 for anything else', () => {
    expect(HOLDER_CLASSES.map(holderColumnOf)).toEqual([0, 1, 2, 3, 4]);
    expect(HOLDER_CLASSES.map((h) => HOLDER_INDEX[h])).toEqual([0, 1, 2, 3, 4]);
    expect([holderColumnOf('validator'), holderColumnOf(undefined), holderColumnOf(3)]).toEqual([-1, -1, -1]);
  });
});
