import { describe, expect, it } from 'vitest';
import { applyBlock } from '../../engine/chain/applyBlock.ts';
import { RAO_PER_TAO } from '../../engine/chainConstants.ts';
import { createGenesis, type GenesisConfig } from '../../engine/genesis/createGenesis.ts';
import type { ChainState } from '../../engine/state/types.ts';
import { CHAIN_BLOCK_OPTIONS } from '../chain/chainBlockOptions.ts';
import { networkView } from './networkView.ts';
import { subnetEconomicsView } from './subnetEconomicsView.ts';

const TAO = RAO_PER_TAO;

/** Two subnets with different pools, a root stake, and a few neurons each. */
function genesis(): GenesisConfig {
  return {
    block: 1,
    sudo: 'sudo',
    author: 'author',
    balances: { whale: 1_000_000n * TAO },
    rootStakes: [{ coldkey: 'ck0', hotkey: 'hk1.0', amount: 10_000n * TAO }],
    subnets: [1, 2].map((netuid) => ({
      netuid,
      ownerColdkey: `owner${netuid}`,
      ownerHotkey: `owner-hk${netuid}`,
      taoReserve: BigInt(netuid) * 1_000n * TAO,
      alphaIn: 10_000n * TAO,
      movingPrice: 0.05 * netuid,
      neurons: [0, 1, 2].map((j) => ({
        hotkey: `hk${netuid}.${j}`,
        coldkey: `ck${j}`,
        stake: j === 0 ? 1_000n * TAO : 0n,
        validatorPermit: j === 0,
        registeredAt: 0,
        weights: j === 0 ? ([[1, 30_000] as const, [2, 10_000] as const] as const) : [],
      })),
    })),
  } as GenesisConfig;
}

function run(state: ChainState, blocks: number): ChainState {
  let s = state;
  for (let i = 0; i < blocks; i++) s = applyBlock(s, [], CHAIN_BLOCK_OPTIONS).state;
  return s;
}

describe('subnetEconomicsView', () => {
  it('gives no emission share before any coinbase, and leaves root out', () => {
    const view = subnetEconomicsView(createGenesis(genesis()));
    expect(view.map((s) => s.netuid)).toEqual([1, 2]);
    expect(view.map((s) => [s.emission.rao, s.emissionShare])).toEqual([
      ['0', 0],
      ['0', 0],
    ]);
  });

  it('splits the last coinbase into shares that add up to 1, each its injected and chain-bought TAO', () => {
    const state = run(createGenesis(genesis()), 5);
    const view = subnetEconomicsView(state);
    const shares = view.reduce((sum, s) => sum + s.emissionShare, 0);
    expect(shares).toBeCloseTo(1, 12);
    for (const s of view) {
      expect(BigInt(s.emission.rao)).toBe(BigInt(s.injected.rao) + BigInt(s.chainBuy.rao));
      expect(BigInt(s.emission.rao)).toBeGreaterThan(0n);
      const subnet = state.subnets.get(s.netuid as never)!;
      // Market cap is all alpha at the spot price (floored, so within a rao of the float product).
      const alphaTotal = Number(subnet.alphaIn + subnet.alphaOut);
      expect(Math.abs(Number(s.marketCap.rao) - alphaTotal * s.price)).toBeLessThan(alphaTotal * 1e-12 + 2);
      expect(s.rootProportion).toBeGreaterThan(0);
      expect(s.rootProportion).toBeLessThan(1);
      expect(s.emaPrice).toBeGreaterThan(0);
    }
  });
});

describe('networkView', () => {
  it('adds the subnets up: prices, chain-buy share and emission-weighted root proportion', () => {
    const state = run(createGenesis(genesis()), 5);
    const subnets = subnetEconomicsView(state);
    const net = networkView(state);
    expect(net.block).toBe(state.block);
    expect(net.subnets).toBe(2);
    expect(net.issuance.rao).toBe(state.totalIssuance.toString());
    // Far below the first halving the chain emits 1 TAO per block.
    expect(net.blockEmission.tao).toBe('1');
    expect(net.alphaPriceSum).toBeCloseTo(subnets[0]!.price + subnets[1]!.price, 12);
    const bought = subnets.reduce((sum, s) => sum + Number(s.chainBuy.rao), 0);
    const emitted = subnets.reduce((sum, s) => sum + Number(s.emission.rao), 0);
    expect(net.chainBuyShare).toBeCloseTo(bought / emitted, 12);
    const lo = Math.min(...subnets.map((s) => s.rootProportion));
    const hi = Math.max(...subnets.map((s) => s.rootProportion));
    expect(net.rootProportion).toBeGreaterThanOrEqual(lo - 1e-12);
    expect(net.rootProportion).toBeLessThanOrEqual(hi + 1e-12);
  });
});
