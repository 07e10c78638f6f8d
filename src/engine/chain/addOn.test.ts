/** The add-on seam, with a stand-in add-on: hooks called, calls routed, a missing add-on refused. */
import { describe, expect, it } from 'vitest';
import { stakeProportionalEpoch } from '../epoch/stakeProportionalEpoch.ts';
import { createGenesis } from '../genesis/createGenesis.ts';
import { checkInvariants } from '../invariants/checkInvariants.ts';
import type { ChainState } from '../state/types.ts';
import { AddOnMissingError, type ChainAddOn } from './addOn.ts';
import { applyBlock, applyExtrinsic } from './applyBlock.ts';

type Ping = { readonly call: 'ping'; readonly signer: string };
type Pinged = { readonly type: 'Pinged'; readonly by: string };

const seen: string[] = [];
const pingAddOn: ChainAddOn<Ping, Pinged> = {
  name: 'ping',
  calls: ['ping'],
  dispatch: ({ events }, ext) => {
    events.push({ type: 'Pinged', by: ext.signer });
    return null;
  },
  afterCoinbase: () => void seen.push('afterCoinbase'),
  adjustShares: (_draft, _ids, taoEmission) => [...taoEmission],
  ownerCut: (_ctx, _id, ownerCut) => ownerCut,
  onDissolve: () => undefined,
  taoHeld: () => 0n,
  alphaHeld: () => 0n,
  problems: () => [],
};

const plain = createGenesis({ sudo: 's', balances: { a: 1_000n } });
const withPing: ChainState = createGenesis({
  sudo: 's',
  balances: { a: 1_000n },
  addOn: { name: 'ping', data: {} },
});
const epoch = stakeProportionalEpoch;

describe('chain add-on', () => {
  it('routes its calls and runs its block step', () => {
    seen.length = 0;
    const r = applyBlock(withPing, [{ call: 'ping', signer: 'a' }], { epoch, addOn: pingAddOn });
    expect(r.receipts[0]).toMatchObject({ ok: true, call: 'ping' });
    expect(r.events.filter((e) => e.type === 'Pinged')).toEqual([{ type: 'Pinged', by: 'a' }]);
    expect(seen).toEqual(['afterCoinbase']);
    expect(checkInvariants(r.state, pingAddOn)).toEqual([]);
  });

  it('refuses a state with add-on data when the block has no add-on, naming the option', () => {
    expect(() => applyBlock(withPing, [], { epoch })).toThrow(AddOnMissingError);
    expect(() => applyBlock(withPing, [], { epoch })).toThrow(/`addOn`/);
    expect(() => applyExtrinsic(withPing, { call: 'transfer', signer: 'a', dest: 'b', amount: 1n })).toThrow(
      AddOnMissingError,
    );
    expect(() => checkInvariants(withPing)).toThrow(AddOnMissingError);
    const other = { ...pingAddOn, name: 'other' };
    expect(() => applyBlock(withPing, [], { epoch, addOn: other })).toThrow(/'other'/);
  });

  it('rejects an add-on call on a block without the add-on with a stable code', () => {
    const r = applyBlock<Ping>(plain, [{ call: 'ping', signer: 'a' }], { epoch });
    expect(r.receipts[0]).toMatchObject({ ok: false, error: { code: 'UnknownCall', field: 'call' } });
    expect(r.state.balances).toEqual(applyBlock(plain, [], { epoch }).state.balances);
  });

  it('leaves a plain chain exactly as without it', () => {
    const a = applyBlock(plain, [{ call: 'transfer', signer: 'a', dest: 'b', amount: 5n }], { epoch });
    const b = applyBlock(plain, [{ call: 'transfer', signer: 'a', dest: 'b', amount: 5n }], {
      epoch,
      addOn: pingAddOn,
    });
    expect(b.state).toEqual(a.state);
    expect(b.state.addOn).toBeUndefined();
  });
});
