/**
 * Supply conservation with every mechanism on, over random sequences of mechanism and core calls:
 * after every block TAO issuance equals every holding (escrowed bonds included), each subnet's alpha
 * is accounted for (vesting escrow included) and each credit sale's supply identity holds. The network
 * starts one subnet below its limit, so `register_network` soon prunes subnets with open covenants,
 * escrows and sales.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyBlock } from '../chain/applyBlock.ts';
import { stakeProportionalEpoch } from '../epoch/stakeProportionalEpoch.ts';
import { nearLimitGenesis } from '../genesis/nearLimitNetwork.testkit.ts';
import { checkInvariants } from '../invariants/checkInvariants.ts';
import type { ChainState } from '../state/types.ts';
import type { MechanismsConfig } from './config.ts';
import type { MechanismChainExtrinsic } from './extrinsics.ts';
import { mechanismsAddOn } from './mechanismsAddOn.ts';
import { mechanismsGenesis } from './mechanismsGenesis.ts';
import { TAO } from './testChain.ts';

const ALL: MechanismsConfig = {
  covenant: { minBond: TAO },
  vesting: { vestDuration: 3, darkEpochs: 2 },
  credits: { serveDeadlineBlocks: 4, tolerance: 1 },
  usageEmission: { lambda: 400_000n, halfLife: 5 },
  computeMarket: { epochBlocks: 7, mint: 10n * TAO, halvingEpochs: 3, feeShare: 100_000n },
};

function genesis(variant: 'burn' | 'stakers'): ChainState {
  return nearLimitGenesis({
    balances: Object.fromEntries(
      ['owner1', 'owner2', 'owner3', 'c0', 'c1', 'c2', 'sudo'].map((c) => [c, 5_000n * TAO]),
    ),
    addOn: mechanismsGenesis({
      ...ALL,
      covenant: { ...ALL.covenant, payTo: variant, slashTo: variant },
      usageEmission: { ...ALL.usageEmission, payTo: variant === 'burn' ? 'burn' : 'escrow' },
    }),
  });
}

function callArb(): fc.Arbitrary<MechanismChainExtrinsic> {
  const owner = fc.constantFrom('owner1', 'owner2', 'owner3', 'c0');
  const anyone = fc.constantFrom('owner1', 'owner2', 'c0', 'c1', 'c2');
  const validator = fc.constantFrom('v1', 'w1', 'v2', 'w2', 'v3', 'm1');
  const net = fc.integer({ min: 1, max: 4 });
  const tao = fc.bigInt({ min: 0n, max: 300n * TAO });
  const small = fc.bigInt({ min: 0n, max: 50n });
  return fc.oneof(
    fc.record({
      call: fc.constant('covenant_open' as const),
      signer: owner,
      netuid: net,
      share: fc.bigInt({ min: 0n, max: 1_100_000n }),
      bond: tao,
      period: fc.integer({ min: 0, max: 3 }),
      gracePeriods: fc.integer({ min: 0, max: 3 }),
    }),
    fc.record({
      call: fc.constant('covenant_attest' as const),
      signer: validator,
      netuid: net,
      revenue: tao,
    }),
    fc.record({ call: fc.constant('covenant_pay' as const), signer: owner, netuid: net, amount: tao }),
    fc.record({ call: fc.constant('covenant_cure' as const), signer: owner, netuid: net }),
    fc.record({ call: fc.constant('vesting_claim' as const), signer: owner, netuid: net }),
    fc.record({
      call: fc.constant('credits_create_sale' as const),
      signer: owner,
      netuid: net,
      tranches: fc.array(fc.record({ amount: small, price: fc.bigInt({ min: 0n, max: 5n * TAO }) }), {
        maxLength: 3,
      }),
    }),
    fc.record({
      call: fc.constant('credits_buy' as const),
      signer: anyone,
      saleId: fc.nat(4),
      amount: small,
    }),
    fc.record({
      call: fc.constant('credits_redeem' as const),
      signer: anyone,
      saleId: fc.nat(4),
      amount: small,
    }),
    fc.record({
      call: fc.constant('credits_serve' as const),
      signer: owner,
      saleId: fc.nat(4),
      redemptionId: fc.nat(4),
    }),
    fc.record({ call: fc.constant('usage_pay' as const), signer: anyone, netuid: net, amount: tao }),
    fc.record({
      call: fc.constant('compute_set_price' as const),
      signer: fc.constantFrom('sudo', 'c0'),
      raoPerUsd: fc.bigInt({ min: 0n, max: 2n * TAO }),
    }),
    fc.record({
      call: fc.constant('compute_buy' as const),
      signer: anyone,
      usdMicros: fc.bigInt({ min: 0n, max: 50_000_000n }),
    }),
    fc.record({
      call: fc.constant('compute_report' as const),
      signer: validator,
      provider: fc.constantFrom('m1', 'm2', 'm3', 'nobody'),
      units: small,
    }),
    fc.record({
      call: fc.constant('add_stake' as const),
      signer: anyone,
      hotkey: validator,
      netuid: net,
      amount: tao,
    }),
    fc.record({
      call: fc.constant('remove_stake' as const),
      signer: anyone,
      hotkey: validator,
      netuid: net,
      amount: tao,
    }),
    fc.record({
      call: fc.constant('set_weights' as const),
      signer: validator,
      netuid: net,
      uids: fc.constant([0, 1, 2]),
      weights: fc.tuple(fc.nat(65_535), fc.nat(65_535), fc.nat(65_535)),
    }),
    fc.record({
      call: fc.constant('register_network' as const),
      signer: anyone,
      hotkey: fc.constantFrom('r1', 'r2', 'r3'),
    }),
  );
}

describe('supply conservation with every mechanism on', () => {
  for (const variant of ['burn', 'stakers'] as const) {
    it(`holds over random blocks (payments and slashes: ${variant})`, () => {
      let applied = 0;
      const seen = new Set<string>();
      fc.assert(
        fc.property(
          fc.array(fc.array(callArb(), { maxLength: 5 }), { minLength: 150, maxLength: 150 }),
          (blocks) => {
            let state = genesis(variant);
            for (const exts of blocks) {
              const r = applyBlock(state, exts, { epoch: stakeProportionalEpoch, addOn: mechanismsAddOn });
              state = r.state;
              applied += r.receipts.filter((x) => x.ok).length;
              for (const e of r.events) seen.add(e.type);
              const problems = checkInvariants(state, mechanismsAddOn);
              if (problems.length > 0) throw new Error(`block ${state.block}: ${problems.join('; ')}`);
            }
          },
        ),
        { numRuns: 12 },
      );
      expect(applied).toBeGreaterThan(300);
      for (const t of [
        'CovenantPaid',
        'VestingAccrued',
        'CreditsBought',
        'UsagePaid',
        'ComputeMinted',
        'NetworkRemoved',
      ])
        expect(seen.has(t), t).toBe(true);
    });
  }
});
