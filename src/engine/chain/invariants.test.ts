/**
 * Supply conservation and the other accounting identities, over random extrinsic sequences:
 * after every block, TAO issuance equals every holding to the rao, each subnet's alpha is fully
 * accounted for, no balance is negative, and no swap lowers a pool's invariant.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { yumaEpoch } from '../epoch/index.ts';
import { stakeProportionalEpoch } from '../epoch/stakeProportionalEpoch.ts';
import type { EpochFunction } from '../epoch/types.ts';
import { createGenesis, type GenesisSubnet } from '../genesis/createGenesis.ts';
import { checkInvariants } from '../invariants/checkInvariants.ts';
import type { ChainParams, ChainState } from '../state/types.ts';
import { applyBlock } from './applyBlock.ts';
import type { Extrinsic } from './extrinsics.ts';

const TAO = 1_000_000_000n;
const coldkeys = ['c0', 'c1', 'c2', 'c3'];
const hotkeys = ['h0', 'h1', 'h2', 'h3', 'h4', 'h5'];

function genesis(subnets: number, uids: number, params: Partial<ChainParams> = {}): ChainState {
  const list: GenesisSubnet[] = Array.from({ length: subnets }, (_, i) => ({
    netuid: i + 1,
    ownerColdkey: `owner${i + 1}`,
    ownerHotkey: `oh${i + 1}`,
    taoReserve: 1_000n * TAO + BigInt(i) * 37n * TAO,
    alphaIn: 2_000n * TAO,
    movingPrice: 0.3 + (i % 7) * 0.1,
    tempo: 20 + (i % 5),
    neurons: Array.from({ length: uids }, (_, j) => ({
      hotkey: `n${i + 1}.${j}`,
      coldkey: `nc${j % 3}`,
      stake: j % 2 === 0 ? BigInt(j + 1) * 10n * TAO : 0n,
      validatorPermit: j % 2 === 0,
    })),
  }));
  return createGenesis({
    sudo: 'sudo',
    author: 'author',
    params: {
      networkRateLimit: 5,
      networkMinLock: 100n * TAO,
      maxEpochsPerBlock: 2,
      childkeyCooldown: 10,
      ...params,
    },
    balances: Object.fromEntries(coldkeys.map((c) => [c, 100_000n * TAO])),
    rootStakes: [{ coldkey: 'nc0', hotkey: 'n1.0', amount: 5_000n * TAO }].filter(() => subnets > 0),
    subnets: list,
  });
}

/** A random call over a small universe of keys, so that many calls touch the same positions. */
function callArb(subnets: number): fc.Arbitrary<Extrinsic> {
  const signer = fc.constantFrom(...coldkeys);
  const hk = fc.constantFrom(...hotkeys, 'n1.0', 'n1.2');
  const net = fc.integer({ min: 0, max: subnets + 1 });
  const tao = fc.bigInt({ min: 0n, max: 2_000n * TAO });
  const alpha = fc.bigInt({ min: 0n, max: 300n * TAO });
  return fc.oneof(
    fc.record({
      call: fc.constant('transfer' as const),
      signer,
      dest: fc.constantFrom(...coldkeys),
      amount: tao,
    }),
    fc.record({ call: fc.constant('add_stake' as const), signer, hotkey: hk, netuid: net, amount: tao }),
    fc.record({
      call: fc.constant('add_stake_limit' as const),
      signer,
      hotkey: hk,
      netuid: net,
      amount: tao,
      limitPrice: fc.bigInt({ min: 1n, max: 3n * TAO }),
      allowPartial: fc.boolean(),
    }),
    fc.record({ call: fc.constant('remove_stake' as const), signer, hotkey: hk, netuid: net, amount: alpha }),
    fc.record({
      call: fc.constant('remove_stake_limit' as const),
      signer,
      hotkey: hk,
      netuid: net,
      amount: alpha,
      limitPrice: fc.bigInt({ min: 1n, max: 3n * TAO }),
      allowPartial: fc.boolean(),
    }),
    fc.record({
      call: fc.constant('move_stake' as const),
      signer,
      originHotkey: hk,
      destinationHotkey: hk,
      originNetuid: net,
      destinationNetuid: net,
      amount: alpha,
    }),
    fc.record({ call: fc.constant('register_network' as const), signer, hotkey: hk }),
    fc.record({ call: fc.constant('start_call' as const), signer, netuid: net }),
    fc.record({ call: fc.constant('burned_register' as const), signer, hotkey: hk, netuid: net }),
    fc.record({
      call: fc.constant('set_weights' as const),
      signer: hk,
      netuid: net,
      uids: fc.constant([0, 1, 2]),
      weights: fc.tuple(fc.nat(65_535), fc.nat(65_535), fc.nat(65_535)),
    }),
    fc.record({
      call: fc.constant('recycle_alpha' as const),
      signer,
      hotkey: hk,
      netuid: net,
      amount: alpha,
    }),
    fc.record({ call: fc.constant('burn_alpha' as const), signer, hotkey: hk, netuid: net, amount: alpha }),
    fc.record({ call: fc.constant('add_stake_burn' as const), signer, hotkey: hk, netuid: net, amount: tao }),
    fc.record({
      call: fc.constant('set_children' as const),
      signer,
      hotkey: hk,
      netuid: net,
      children: fc.array(
        fc.record({ proportion: fc.bigInt({ min: 1n, max: (1n << 62n) - 1n }), child: hk }),
        { maxLength: 3 },
      ),
    }),
    fc.record({
      call: fc.constant('claim_root' as const),
      signer,
      netuid: net,
      mode: fc.constantFrom<'swap' | 'keep'>('swap', 'keep'),
    }),
    fc.record({ call: fc.constant('decrease_take' as const), signer, hotkey: hk, take: fc.nat(20_000) }),
    fc.record({ call: fc.constant('increase_take' as const), signer, hotkey: hk, take: fc.nat(20_000) }),
  );
}

/** Balancer invariant x^w_b * y^w_q in float64 (log form), to check swaps never lower it. */
function logInvariant(s: { taoReserve: bigint; alphaIn: bigint; wQuote: bigint }): number {
  const wq = Number(s.wQuote) / 1e18;
  return (1 - wq) * Math.log(Number(s.alphaIn)) + wq * Math.log(Number(s.taoReserve));
}

function runChecked(
  start: ChainState,
  blocks: Extrinsic[][],
  epoch: EpochFunction = stakeProportionalEpoch,
): { applied: number; blocks: number } {
  let state = start;
  let applied = 0;
  for (const exts of blocks) {
    const before = state;
    const r = applyBlock(state, exts, { epoch });
    state = r.state;
    applied += r.receipts.filter((x) => x.ok).length;
    const problems = checkInvariants(state);
    if (problems.length > 0) throw new Error(`block ${state.block}: ${problems.join('; ')}`);
    // User swaps happen in extrinsics: compare the pool after on_initialize with the block's end.
    const mid = applyBlock(before, [], { epoch }).state;
    for (const [id, s] of state.subnets) {
      const m = mid.subnets.get(id);
      if (id === 0 || m === undefined || s.mechanism !== 1 || s.wQuote !== m.wQuote) continue;
      if (s.registeredAt !== m.registeredAt || s.taoReserve === 0n || s.alphaIn === 0n) continue;
      const gone = r.events.some((e) => e.type === 'NetworkRemoved' || e.type === 'NeuronRegistered');
      if (!gone) expect(logInvariant(s)).toBeGreaterThanOrEqual(logInvariant(m) - 1e-12);
    }
  }
  return { applied, blocks: blocks.length };
}

describe('supply conservation over random extrinsic sequences', () => {
  it('holds on small networks with Yuma Consensus (4,000 blocks)', () => {
    let applied = 0;
    fc.assert(
      fc.property(
        fc.array(fc.array(callArb(3), { maxLength: 4 }), { minLength: 100, maxLength: 100 }),
        (blocks) => {
          applied += runChecked(genesis(3, 4), blocks, yumaEpoch).applied;
        },
      ),
      { numRuns: 40 },
    );
    expect(applied).toBeGreaterThan(200); // the sequences really move value
  });

  it('holds on a 128-subnet network with epochs through the stand-in (1,500 blocks)', () => {
    let applied = 0;
    fc.assert(
      fc.property(
        fc.array(fc.array(callArb(128), { maxLength: 6 }), { minLength: 500, maxLength: 500 }),
        (blocks) => {
          applied += runChecked(genesis(128, 8), blocks).applied;
        },
      ),
      { numRuns: 3 },
    );
    expect(applied).toBeGreaterThan(50);
  });

  it('holds when registrations prune subnets at the limit (1,200 blocks)', () => {
    let removed = 0;
    fc.assert(
      fc.property(
        fc.array(fc.array(callArb(4), { maxLength: 4 }), { minLength: 300, maxLength: 300 }),
        (blocks) => {
          let state = genesis(4, 4, { subnetLimit: 5, networkImmunityPeriod: 30, networkRateLimit: 3 });
          for (const exts of blocks) {
            const r = applyBlock(state, exts, { epoch: yumaEpoch });
            removed += r.events.filter((e) => e.type === 'NetworkRemoved').length;
            state = r.state;
            const problems = checkInvariants(state);
            if (problems.length > 0) throw new Error(`block ${state.block}: ${problems.join('; ')}`);
          }
        },
      ),
      { numRuns: 4 },
    );
    expect(removed).toBeGreaterThan(0); // subnets really were pruned and dissolved
  });

  it('holds over a long run (5,000 blocks)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(callArb(6), { maxLength: 3 }), { minLength: 5000, maxLength: 5000 }),
        (blocks) => {
          const r = runChecked(genesis(6, 6), blocks);
          expect(r.applied).toBeGreaterThan(100);
        },
      ),
      { numRuns: 1 },
    );
  });
});
