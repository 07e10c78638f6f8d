/**
 * Every rule pack keeps the supply identities to the rao over a few hundred blocks with user staking
 * (TotalIssuance + uncounted TAO equals every holding; each subnet's alpha fully accounted for), and the
 * packs really differ: flow packs follow staking, dtao sells root alpha for TAO.
 */
import { describe, expect, it } from 'vitest';
import { stakeProportionalEpoch } from '../epoch/stakeProportionalEpoch.ts';
import { createGenesis } from '../genesis/createGenesis.ts';
import { checkInvariants } from '../invariants/checkInvariants.ts';
import { RULE_PACKS, type RulePackName } from '../rules/rulePack.ts';
import type { ChainState } from '../state/types.ts';
import { netuid } from '../types.ts';
import { applyBlock } from './applyBlock.ts';
import type { Extrinsic } from './extrinsics.ts';

const TAO = 1_000_000_000n;

function genesis(pack: RulePackName, variant: Record<string, unknown> = {}): ChainState {
  return createGenesis({
    sudo: 'sudo',
    author: 'author',
    rulePack: pack,
    rules: variant,
    params: { maxEpochsPerBlock: 2 },
    balances: { c0: 100_000n * TAO, c1: 100_000n * TAO },
    rootStakes: [{ coldkey: 'c0', hotkey: 'n1.0', amount: 5_000n * TAO }],
    subnets: [1, 2, 3].map((i) => ({
      netuid: i,
      ownerColdkey: `owner${i}`,
      ownerHotkey: `oh${i}`,
      taoReserve: BigInt(100 * i) * TAO,
      alphaIn: 1_000n * TAO,
      movingPrice: 0.1 * i,
      tempo: 30 + i,
      neurons: [0, 1, 2].map((j) => ({
        hotkey: `n${i}.${j}`,
        coldkey: `c${j % 2}`,
        stake: BigInt(j + 1) * 10n * TAO,
        validatorPermit: j === 0,
      })),
    })),
  });
}

/** Block b's calls: c1 stakes on subnet 3 every 7 blocks and unstakes from subnet 1 every 11. */
function calls(b: number): Extrinsic[] {
  const out: Extrinsic[] = [];
  if (b % 7 === 0)
    out.push({ call: 'add_stake', signer: 'c1', hotkey: 'n3.1', netuid: 3, amount: 50n * TAO });
  if (b % 11 === 0) out.push({ call: 'remove_stake', signer: 'c1', hotkey: 'n1.1', netuid: 1, amount: TAO });
  return out;
}

function run(start: ChainState, blocks: number): ChainState {
  let state = start;
  for (let b = 0; b < blocks; b++) {
    state = applyBlock(state, calls(b), { epoch: stakeProportionalEpoch }).state;
    const problems = checkInvariants(state);
    if (problems.length > 0)
      throw new Error(`${start.rulePack} block ${state.block}: ${problems.join('; ')}`);
  }
  return state;
}

describe('rule packs keep supply conservation', () => {
  for (const pack of RULE_PACKS) {
    it(`${pack}: 300 blocks with staking`, () => {
      const end = run(genesis(pack), 300);
      expect(end.rulePack).toBe(pack);
      expect(end.totalIssuance).toBeGreaterThan(genesis(pack).totalIssuance);
    });
  }

  it('dtao launch rule: 200 blocks', () => {
    run(genesis('dtao-2025-02', { dtaoTerms: 'launch' }), 200);
  });

  it('taoflow with seeded EMAs and the A_i cap: 200 blocks', () => {
    run(genesis('taoflow-2025-11', { flowSeedFromPrice: true, flowCap: 'alpha-emission' }), 200);
  });
});

describe('what distinguishes the packs', () => {
  it('taoflow gives a subnet with net outflow no TAO; price gives it a share', () => {
    const outflow = (pack: RulePackName) => {
      const g = genesis(pack);
      const subnets = new Map(g.subnets);
      // Subnet 1 had net unstaking, subnets 2 and 3 net staking, before this block.
      subnets.set(netuid(1), { ...subnets.get(netuid(1))!, taoFlow: -5n * TAO });
      subnets.set(netuid(2), { ...subnets.get(netuid(2))!, taoFlow: 5n * TAO });
      subnets.set(netuid(3), { ...subnets.get(netuid(3))!, taoFlow: 5n * TAO });
      const s = applyBlock({ ...g, subnets }, [], { epoch: stakeProportionalEpoch }).state.subnets.get(
        netuid(1),
      )!;
      return s.lastTaoInEmission + s.lastExcessTao;
    };
    expect(outflow('taoflow-2025-11')).toBe(0n);
    expect(outflow('price-2026-06')).toBeGreaterThan(0n);
  });

  it('dtao sells root alpha for TAO every block; price keeps it as pending alpha', () => {
    // Launch rule: a subsidised subnet (subsidy rule, spot below its share) sells nothing.
    const dtao = applyBlock(genesis('dtao-2025-02', { dtaoTerms: 'launch' }), [], {
      epoch: stakeProportionalEpoch,
    }).state;
    const price = applyBlock(genesis('price-2026-06'), [], { epoch: stakeProportionalEpoch }).state;
    const d = dtao.subnets.get(netuid(1))!;
    const p = price.subnets.get(netuid(1))!;
    expect(d.pendingRoot).toBe(0n);
    expect(d.pendingRootTao).toBeGreaterThan(0n);
    expect(p.pendingRootTao).toBe(0n);
  });

  it('stake and unstake feed the flow accumulator', () => {
    const g = genesis('taoflow-2025-11');
    const r = applyBlock(
      g,
      [{ call: 'add_stake', signer: 'c1', hotkey: 'n3.1', netuid: 3, amount: 50n * TAO }],
      {
        epoch: stakeProportionalEpoch,
      },
    ).state;
    expect(r.subnets.get(netuid(3))!.taoFlow).toBe(50n * TAO);
    const next = applyBlock(r, [], { epoch: stakeProportionalEpoch }).state;
    expect(next.subnets.get(netuid(3))!.taoFlow).toBe(0n); // consumed by the EMA update
    expect(next.subnets.get(netuid(3))!.emaTaoFlow!.value).toBeGreaterThan(0n);
  });

  it('gate stores its bar at the first block', () => {
    const s = applyBlock(genesis('gate-2026-07'), [], { epoch: stakeProportionalEpoch }).state;
    expect(s.gateBar).toBeGreaterThan(0n);
  });
});
