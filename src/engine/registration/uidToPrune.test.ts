import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { immortalOwnerUids, isNeuronImmune, type PruneCandidate, uidToPrune } from './uidToPrune.ts';

const n = (emission: bigint, blockAtRegistration: number, immune: boolean): PruneCandidate => ({
  emission,
  blockAtRegistration,
  immune,
});
const base = { ownerColdkeyUids: [], ownerHotkeyUid: null, immuneOwnerUidsLimit: 1, minNonImmuneUids: 0 };

describe('uidToPrune', () => {
  it('picks the lowest emission, ties to earlier registration then lower uid', () => {
    expect(uidToPrune({ ...base, neurons: [n(100n, 0, false), n(110n, 1, false)] })).toBe(0);
    expect(uidToPrune({ ...base, neurons: [n(5n, 3, false), n(5n, 2, false), n(5n, 2, false)] })).toBe(1);
  });

  it('falls back to the immune pick unless more than MinNonImmuneUids are free', () => {
    const neurons = [n(1n, 0, true), n(9n, 0, false)];
    expect(uidToPrune({ ...base, neurons, minNonImmuneUids: 1 })).toBe(0);
    expect(uidToPrune({ ...base, neurons, minNonImmuneUids: 0 })).toBe(1);
    expect(uidToPrune({ ...base, neurons: [n(9n, 0, false)], minNonImmuneUids: 1 })).toBeNull();
  });

  it('never prunes immortal owner uids (owner hotkey first, then by registration block)', () => {
    const neurons = [n(0n, 12, true), n(0n, 11, true), n(1n, 10, true)];
    const owner = { ownerColdkeyUids: [0, 1], ownerHotkeyUid: 0 };
    expect(uidToPrune({ ...base, ...owner, neurons, immuneOwnerUidsLimit: 2 })).toBe(2);
    expect(uidToPrune({ ...base, ...owner, neurons, immuneOwnerUidsLimit: 1 })).toBe(1);
    expect(uidToPrune({ ...base, ...owner, neurons: [n(0n, 0, false)] })).toBeNull();
    const byBlock = (uid: number) => [12, 11, 10][uid] ?? 0;
    expect(immortalOwnerUids({ ...owner, blockAtRegistration: byBlock, limit: 1 })).toEqual([0]);
    expect(
      immortalOwnerUids({
        ownerColdkeyUids: [0, 1, 2],
        ownerHotkeyUid: null,
        blockAtRegistration: byBlock,
        limit: 2,
      }),
    ).toEqual([2, 1]);
  });

  it('immunity is block - registration < period', () => {
    expect(isNeuronImmune({ block: 1, blockAtRegistration: 0, immunityPeriod: 2 })).toBe(true);
    expect(isNeuronImmune({ block: 4, blockAtRegistration: 1, immunityPeriod: 2 })).toBe(false);
  });

  it('returns a non-immortal uid with the minimal emission of its class', () => {
    const candidate = fc.record({
      emission: fc.bigInt({ min: 0n, max: 50n }),
      blockAtRegistration: fc.integer({ min: 0, max: 20 }),
      immune: fc.boolean(),
    });
    fc.assert(
      fc.property(
        fc.array(candidate, { minLength: 1, maxLength: 12 }),
        fc.integer({ min: 0, max: 4 }),
        (neurons, minFree) => {
          const owner = neurons.length > 1 ? 1 : null;
          const uid = uidToPrune({
            neurons,
            ownerColdkeyUids: owner === null ? [] : [owner],
            ownerHotkeyUid: owner,
            immuneOwnerUidsLimit: 1,
            minNonImmuneUids: minFree,
          });
          if (uid === null) return;
          expect(uid).not.toBe(owner);
          const picked = neurons[uid];
          const peers = neurons.filter((c, i) => i !== owner && c.immune === picked?.immune);
          expect(peers.filter((c) => !(c.emission >= (picked?.emission ?? 0n)))).toEqual([]);
        },
      ),
    );
  });
});
