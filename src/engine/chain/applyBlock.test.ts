import { describe, expect, it } from 'vitest';
import { stakeProportionalEpoch } from '../epoch/stakeProportionalEpoch.ts';
import { createGenesis } from '../genesis/createGenesis.ts';
import { checkInvariants } from '../invariants/checkInvariants.ts';
import { stakeWeightFloor, taoWeightU96 } from '../staking/stakeWeight.ts';
import type { ChainState } from '../state/types.ts';
import { coldkey, hotkey, netuid } from '../types.ts';
import { applyBlock, type Receipt } from './applyBlock.ts';
import type { Extrinsic } from './extrinsics.ts';
import { stateRoot } from './stateRoot.ts';

const TAO = 1_000_000_000n;
const epoch = stakeProportionalEpoch;

function network(
  extra: { childkeyCooldown?: number; movingPrice?: number; alphaIn?: bigint } = {},
): ChainState {
  return createGenesis({
    sudo: 'sudo',
    author: 'author',
    params: { networkRateLimit: 1, childkeyCooldown: extra.childkeyCooldown ?? 7_200 },
    balances: { alice: 100_000n * TAO, bob: 10_000n * TAO },
    rootStakes: [{ coldkey: 'rv', hotkey: 'root-validator', amount: 50_000n * TAO }],
    subnets: [
      {
        netuid: 1,
        ownerColdkey: 'owner',
        ownerHotkey: 'owner-hk',
        taoReserve: 1_000n * TAO,
        alphaIn: extra.alphaIn ?? 4_000n * TAO,
        movingPrice: extra.movingPrice ?? 0.25,
        tempo: 10,
        neurons: [
          {
            hotkey: 'val',
            coldkey: 'vc',
            stake: 1_000n * TAO,
            validatorPermit: true,
            weights: [[2, 65_535]],
          },
          { hotkey: 'miner', coldkey: 'mc' },
        ],
      },
    ],
  });
}

function run(state: ChainState, blocks: Extrinsic[][]): { state: ChainState; receipts: Receipt[] } {
  let s = state;
  const receipts: Receipt[] = [];
  for (const exts of blocks) {
    const r = applyBlock(s, exts, { epoch });
    s = r.state;
    receipts.push(...r.receipts);
    expect(checkInvariants(s)).toEqual([]);
  }
  return { state: s, receipts };
}

const stakeOn = (s: ChainState, net: number, hk: string) =>
  s.subnets.get(netuid(net))!.stakes.get(hotkey(hk))?.value ?? 0n;

describe('applyBlock', () => {
  it('stakes through the pool with the fee to the author, and unstakes back', () => {
    const start = network();
    const { state, receipts } = run(start, [
      [{ call: 'add_stake', signer: 'alice', hotkey: 'val', netuid: 1, amount: 100n * TAO }],
    ]);
    const position = (s: ChainState) => {
      const pool = s.subnets.get(netuid(1))!.stakes.get(hotkey('val'))!;
      return (pool.shares.get(coldkey('alice'))! * pool.value) / pool.totalShares;
    };
    expect(receipts[0]!).toMatchObject({ ok: true });
    const fee = (100n * TAO * 33n) / 65_535n;
    expect(state.balances.get(coldkey('author'))).toBe(fee);
    expect(state.balances.get(coldkey('alice'))).toBe(99_900n * TAO);
    const bought = stakeOn(state, 1, 'val') - stakeOn(start, 1, 'val');
    // Constant product at w = 0.5 on the reserves after this block's coinbase (which chain-bought alpha).
    const pool = applyBlock(start, [], { epoch }).state.subnets.get(netuid(1))!;
    const net = Number(100n * TAO - fee);
    const ideal = (Number(pool.alphaIn) * net) / (Number(pool.taoReserve) + net);
    expect(Math.abs(Number(bought) - ideal)).toBeLessThanOrEqual(2);
    // Within one block (no coinbase in between) a round trip never returns more than it paid.
    const { state: after } = run(start, [
      [
        { call: 'add_stake', signer: 'alice', hotkey: 'val', netuid: 1, amount: 100n * TAO },
        { call: 'remove_stake', signer: 'alice', hotkey: 'val', netuid: 1, amount: position(state) },
      ],
    ]);
    const back = after.balances.get(coldkey('alice'))! - 99_900n * TAO;
    expect(back).toBeGreaterThan(99n * TAO);
    expect(back).toBeLessThan(100n * TAO);
  });

  it('rejects with a code naming the field and changes nothing', () => {
    const start = network();
    const r = applyBlock(
      start,
      [{ call: 'add_stake', signer: 'bob', hotkey: 'val', netuid: 1, amount: 20_000n * TAO }],
      {
        epoch,
      },
    );
    const receipt = r.receipts[0]!;
    expect(receipt).toMatchObject({ ok: false });
    if (!receipt.ok) {
      expect(receipt.error.code).toBe('NotEnoughBalanceToStake');
      expect(receipt.error.field).toBe('amount');
    }
    const empty = applyBlock(start, [], { epoch });
    expect(stateRoot(r.state)).toBe(stateRoot(empty.state));
  });

  it('is deterministic: the same inputs give the same state root', () => {
    const blocks: Extrinsic[][] = [
      [{ call: 'add_stake', signer: 'alice', hotkey: 'val', netuid: 1, amount: 10n * TAO }],
      [{ call: 'register_network', signer: 'bob', hotkey: 'bob-hk' }],
      [],
    ];
    expect(stateRoot(run(network(), blocks).state)).toBe(stateRoot(run(network(), blocks).state));
  });

  it('registers a subnet at the lock cost, seeded at the median price, and schedules root validators as parents', () => {
    const start = network({ childkeyCooldown: 5 });
    const { state, receipts } = run(start, [
      [{ call: 'register_network', signer: 'alice', hotkey: 'alice-hk' }],
    ]);
    expect(receipts[0]!).toMatchObject({ ok: true });
    const s1 = state.subnets.get(netuid(1))!;
    const s2 = state.subnets.get(netuid(2))!;
    expect(s2.taoReserve).toBe(1_000n * TAO); // min lock when no subnet was registered before
    // Seeded at the median (here: the only) spot price.
    const spot = Number(s1.taoReserve) / Number(s1.alphaIn);
    expect(Number(s2.taoReserve) / Number(s2.alphaIn)).toBeCloseTo(spot, 9);
    expect(s2.emissionEnabled).toBe(false);
    expect(s2.pendingChildren.get(hotkey('root-validator'))?.children[0]?.child).toBe('alice-hk');
  });

  it('pays root validators through childkeys, and root stakers claim their alpha', () => {
    // Emission enabled on the new subnet, root validator becomes the owner hotkey's parent after 5 blocks.
    // Prices summing above 1 turn root selling on, so root alpha accrues to root stakers (spec §4.4).
    let { state } = run(network({ childkeyCooldown: 5, movingPrice: 1, alphaIn: 500n * TAO }), [
      [{ call: 'register_network', signer: 'alice', hotkey: 'alice-hk' }],
      [
        { call: 'start_call', signer: 'alice', netuid: 2 },
        { call: 'sudo_set_emission_enabled', signer: 'sudo', netuid: 2, enabled: true },
      ],
    ]);
    state = run(
      state,
      Array.from({ length: 800 }, () => []),
    ).state;
    const s2 = state.subnets.get(netuid(2))!;
    expect(s2.children.get(hotkey('root-validator'))?.length).toBe(1);
    const owed = s2.rootClaimable.get(hotkey('root-validator')) ?? 0n;
    expect(owed).toBeGreaterThan(0n);
    const { state: claimed, receipts } = run(state, [
      [{ call: 'claim_root', signer: 'rv', netuid: 2, mode: 'keep' }],
    ]);
    expect(receipts[0]!).toMatchObject({ ok: true });
    expect(stakeOn(claimed, 2, 'root-validator')).toBeGreaterThan(0n);
  });

  it('lends stake weight to a child after the cooldown, at the next epoch', () => {
    const start = network({ childkeyCooldown: 5 });
    const weightOf = (s: ChainState, hk: string) =>
      stakeWeightFloor({
        subnet: s.subnets.get(netuid(1))!,
        root: s.subnets.get(netuid(0))!,
        hotkey: hotkey(hk),
        taoWeightU96: taoWeightU96(s),
      });
    const half = (1n << 63n) - 1n;
    let { state, receipts } = run(start, [
      [
        {
          call: 'set_children',
          signer: 'vc',
          hotkey: 'val',
          netuid: 1,
          children: [{ proportion: half, child: 'miner' }],
        },
      ],
    ]);
    expect(receipts[0]!).toMatchObject({ ok: true });
    const ownOf = (s: ChainState, hk: string) => stakeOn(s, 1, hk);
    expect(weightOf(state, 'miner')).toBe(ownOf(state, 'miner')); // scheduled, not yet in force
    state = run(
      state,
      Array.from({ length: 25 }, () => []),
    ).state;
    const lent = weightOf(state, 'miner') - ownOf(state, 'miner');
    expect(Number(lent) / Number(ownOf(state, 'val'))).toBeCloseTo(0.5, 6);
    expect(weightOf(state, 'val') + lent).toBeGreaterThanOrEqual(ownOf(state, 'val') - 2n);
  });

  it('burns the registration alpha and raises the burn price', () => {
    const start = network();
    const { state, receipts } = run(start, [
      [{ call: 'burned_register', signer: 'bob', hotkey: 'bob-hk', netuid: 1 }],
    ]);
    expect(receipts[0]!).toMatchObject({ ok: true });
    const before = applyBlock(start, [], { epoch }).state.subnets.get(netuid(1))!;
    const after = state.subnets.get(netuid(1))!;
    expect(after.neurons.at(-1)?.hotkey).toBe('bob-hk');
    expect(after.burn).toBe((before.burn * 126n) / 100n);
    expect(after.alphaIn + after.alphaOut).toBeLessThan(before.alphaIn + before.alphaOut); // alpha destroyed
    expect(after.accountTao).toBeGreaterThan(0n); // the swap fee stays in the subnet account
  });
});
