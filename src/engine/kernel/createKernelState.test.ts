import { describe, expect, it } from 'vitest';
import { InputError } from '../errors.ts';
import { createGenesis } from '../genesis/createGenesis.ts';
import { createKernelState } from './createKernelState.ts';
import { DEFAULT_KERNEL_PARAMS } from './defaultKernelParams.ts';
import { kernelBalance } from './kernelBalance.ts';
import { kernelParamsFromChain, kernelStateFromChain } from './kernelStateFromChain.ts';
import { HOLDER_INDEX } from './types.ts';

const params = { ...DEFAULT_KERNEL_PARAMS, slots: 4 };

describe('createKernelState', () => {
  it('derives AlphaOut from the holders and `external` from the issuance', () => {
    const state = createKernelState({
      params,
      issuance: 100_000,
      rootStake: 20_000,
      subnets: [
        {
          slot: 2,
          taoReserve: 1_000,
          alphaIn: 10_000,
          holdings: { staker: 500, root: 20 },
          protocolAlpha: 5,
        },
      ],
    });
    expect(state.columns.active).toEqual(Uint8Array.from([0, 0, 1, 0]));
    expect(state.columns.alphaOut[2]).toBe(525);
    expect(state.columns.holdings[HOLDER_INDEX.root * 4 + 2]).toBe(20);
    expect(state.external).toBe(79_000);
    expect(state.columns.lastEpochBlock[2]).toBe(-3); // staggered as the chain does: block − (netuid mod tempo)
    expect(kernelBalance(state)).toMatchObject({ taoError: 0, alphaError: 0 });
  });

  it('names the field of bad input', () => {
    const bad = (over: object) => () =>
      createKernelState({
        params,
        issuance: 1e6,
        rootStake: 0,
        subnets: [{ taoReserve: 1, alphaIn: 1, ...over }],
      });
    expect(bad({ slot: 4 })).toThrow(InputError);
    expect(bad({ taoReserve: -1 })).toThrow(/subnets\[0\]\.taoReserve/);
    expect(bad({ wQuote: 0.999 })).toThrow(/wQuote/);
    expect(() => createKernelState({ params, issuance: 10, rootStake: 20, subnets: [] })).toThrow(/issuance/);
    expect(() =>
      createKernelState({ params: { ...params, blocksPerStep: 0 }, issuance: 1, rootStake: 0, subnets: [] }),
    ).toThrow(/blocksPerStep/);
  });
});

describe('kernelStateFromChain', () => {
  it('maps netuid n to slot n − 1 and keeps both identities', () => {
    const TAO = 1_000_000_000n;
    const chain = createGenesis({
      sudo: 'sudo',
      balances: { alice: 5_000n * TAO },
      rootStakes: [{ coldkey: 'r', hotkey: 'rh', amount: 1_000n * TAO }],
      subnets: [
        {
          netuid: 3,
          ownerColdkey: 'o',
          ownerHotkey: 'oh',
          taoReserve: 100n * TAO,
          alphaIn: 1_000n * TAO,
          movingPrice: 0.05,
          neurons: [{ hotkey: 'v', coldkey: 'vc', stake: 300n * TAO }],
        },
      ],
    });
    const kp = kernelParamsFromChain(chain, 360);
    expect(kp.taoWeight).toBeCloseTo(0.18, 9);
    const state = kernelStateFromChain({ chain, params: kp, classOf: () => 'speculator' });
    expect(state.columns.active[2]).toBe(1);
    expect(state.columns.taoReserve[2]).toBe(100);
    expect(state.columns.holdings[HOLDER_INDEX.speculator * kp.slots + 2]).toBe(300);
    expect(state.columns.movingPrice[2]).toBeCloseTo(0.05, 9);
    expect(state.external).toBe(5_000);
    expect(state.rootStake).toBe(1_000);
    const b = kernelBalance(state);
    expect(b.taoError).toBe(0);
    expect(b.alphaError).toBe(0);
  });
});
