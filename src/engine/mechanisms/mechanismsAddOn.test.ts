/** The mechanisms as the chain's add-on: a chain that switched them on never runs a block without them. */
import { describe, expect, it } from 'vitest';
import { AddOnMissingError } from '../chain/addOn.ts';
import { applyBlock } from '../chain/applyBlock.ts';
import { stakeProportionalEpoch } from '../epoch/stakeProportionalEpoch.ts';
import { checkInvariants } from '../invariants/checkInvariants.ts';
import type { MechanismExtrinsic } from './extrinsics.ts';
import { mechanismsAddOn } from './mechanismsAddOn.ts';
import { mechanismsOf } from './mechanismsOf.ts';
import { codeOf, testChain } from './testChain.ts';

const epoch = stakeProportionalEpoch;
const claim = { call: 'vesting_claim', signer: 'owner1', netuid: 1 } as const;

describe('mechanismsAddOn', () => {
  it('refuses a mechanisms chain without the add-on, naming the option', () => {
    const state = testChain({ vesting: {} });
    expect(mechanismsOf(state)?.params.vesting).not.toBeNull();
    expect(() => applyBlock(state, [], { epoch })).toThrow(AddOnMissingError);
    expect(() => applyBlock(state, [], { epoch })).toThrow(/`addOn`/);
    expect(() => checkInvariants(state)).toThrow(AddOnMissingError);
    expect(checkInvariants(state, mechanismsAddOn)).toEqual([]);
  });

  it('rejects a mechanism call without the add-on with a stable code', () => {
    const r = applyBlock<MechanismExtrinsic>(testChain(), [claim], { epoch });
    expect(r.receipts[0]).toMatchObject({ ok: false, error: { code: 'UnknownCall' } });
  });

  it('with the add-on, a plain chain rejects mechanism calls as switched off', () => {
    expect(codeOf(testChain(), claim)).toBe('MechanismDisabled');
  });
});
