/**
 * Supply conservation over random blocks that mix the serving, commit-reveal and hyperparameter calls
 * with value-moving ones: after every block the accounting identities hold, no hotkey holds more commits
 * than the chain allows, and each of those calls does get applied somewhere in the runs.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RAO_PER_TAO } from '../chainConstants.ts';
import { yumaEpoch } from '../epoch/index.ts';
import { createGenesis } from '../genesis/createGenesis.ts';
import { checkInvariants } from '../invariants/checkInvariants.ts';
import type { ChainState } from '../state/types.ts';
import { applyBlock } from './applyBlock.ts';
import { MAX_UNREVEALED_COMMITS } from './commitRevealWindow.ts';
import type { Extrinsic } from './extrinsics.ts';
import {
  HYPERPARAMETER_NAMES,
  type HyperparameterName,
  type HyperparameterSpec,
  SUBNET_HYPERPARAMETERS,
  TYPE_RANGE,
} from './subnetHyperparameters.ts';
import { weightsCommitHash } from './weightsCommitHash.ts';

const TAO = RAO_PER_TAO;
const SUBNETS = [1, 2, 3];
const coldkeys = ['c0', 'c1', 'c2'];
/** Two validators per subnet, so commits and reveals often meet. */
const validators = SUBNETS.flatMap((i) => [`v${i}.0`, `v${i}.1`]);

function genesis(): ChainState {
  return createGenesis({
    sudo: 'sudo',
    author: 'author',
    params: { newSubnetCommitRevealEnabled: true, networkRateLimit: 5, networkMinLock: 100n * TAO },
    balances: Object.fromEntries(coldkeys.map((c) => [c, 10_000n * TAO])),
    subnets: SUBNETS.map((i) => ({
      netuid: i,
      ownerColdkey: `owner${i}`,
      ownerHotkey: `oh${i}`,
      taoReserve: 1_000n * TAO + BigInt(i) * 37n * TAO,
      alphaIn: 2_000n * TAO,
      movingPrice: 0.2 + i * 0.1,
      tempo: 2 + i,
      neurons: [
        { hotkey: `v${i}.0`, coldkey: 'c0', stake: 100n * TAO, validatorPermit: true },
        { hotkey: `v${i}.1`, coldkey: 'c1', stake: 60n * TAO, validatorPermit: true },
        { hotkey: `m${i}`, coldkey: 'c2' },
      ],
    })),
  });
}

/** The weights a validator may commit to: two per validator, over the UIDs every subnet has. */
const INTENTS = [
  { uids: [1, 2, 3], values: [10, 20, 30], salt: [1, 2], versionKey: 0n },
  { uids: [0, 3], values: [65_535, 7], salt: [99], versionKey: 1n },
];

/** Values to try: mostly within the type's range, kept small where a large one would stall the run. */
function valueArb(name: HyperparameterName): fc.Arbitrary<unknown> {
  const small: Partial<Record<HyperparameterName, fc.Arbitrary<unknown>>> = {
    tempo: fc.integer({ min: 0, max: 8 }),
    weightsSetRateLimit: fc.integer({ min: 0, max: 6 }),
    commitRevealPeriod: fc.integer({ min: 0, max: 3 }),
    servingRateLimit: fc.integer({ min: 0, max: 10 }),
  };
  const spec = SUBNET_HYPERPARAMETERS[name] as HyperparameterSpec;
  if (small[name] !== undefined) return small[name];
  const [min, max] = TYPE_RANGE[spec.type];
  if (typeof min === 'boolean') return fc.boolean();
  if (typeof min === 'bigint') return fc.bigInt({ min, max: max as bigint });
  return fc.integer({ min, max: max as number });
}

/** A call, or the reveal of a recent commit of the run (`back` commits before the last one). */
type Step = Extrinsic | { readonly call: 'reveal_recent'; readonly back: number };

function callArb(): fc.Arbitrary<Step> {
  const net = fc.constantFrom(0, ...SUBNETS, 9);
  const validator = fc.constantFrom(...validators, 'm1', 'stranger');
  const intent = fc.nat(INTENTS.length - 1).map((i) => INTENTS[i]!);
  const hyperparameter = fc.constantFrom(...HYPERPARAMETER_NAMES).chain((name) =>
    fc.record({
      call: fc.constant('sudo_set_hyperparameter' as const),
      signer: fc.constantFrom('sudo', 'owner1', 'owner2', 'owner3', 'c0'),
      netuid: net,
      name: fc.constant(name),
      value: valueArb(name),
    }),
  );
  return fc.oneof(
    {
      weight: 3,
      arbitrary: fc.record({ signer: validator, netuid: net, intent }).map(
        ({ signer, netuid, intent: i }): Extrinsic => ({
          call: 'commit_weights',
          signer,
          netuid,
          commitHash: weightsCommitHash({ hotkey: signer, netuid, ...i }),
        }),
      ),
    },
    { weight: 4, arbitrary: fc.record({ call: fc.constant('reveal_recent' as const), back: fc.nat(3) }) },
    {
      weight: 1,
      arbitrary: fc
        .record({ signer: validator, netuid: net, intent })
        .map(
          ({ signer, netuid, intent: i }): Extrinsic => ({ call: 'reveal_weights', signer, netuid, ...i }),
        ),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        call: fc.constant('set_weights' as const),
        signer: validator,
        netuid: net,
        uids: fc.constant([1, 2]),
        weights: fc.tuple(fc.nat(65_535), fc.nat(65_535)),
      }),
    },
    {
      weight: 2,
      arbitrary: fc.record({
        call: fc.constant('serve_axon' as const),
        signer: validator,
        netuid: net,
        ip: fc.oneof(fc.ipV4(), fc.ipV6(), fc.constantFrom('127.0.0.1', 'nope')),
        port: fc.integer({ min: 0, max: 70_000 }),
        protocol: fc.integer({ min: 0, max: 300 }),
        version: fc.nat(),
      }),
    },
    { weight: 3, arbitrary: hyperparameter as fc.Arbitrary<Extrinsic> },
    {
      weight: 2,
      arbitrary: fc.record({
        call: fc.constant('add_stake' as const),
        signer: fc.constantFrom(...coldkeys),
        hotkey: validator,
        netuid: net,
        amount: fc.bigInt({ min: 0n, max: 500n * TAO }),
      }),
    },
    {
      weight: 2,
      arbitrary: fc.record({
        call: fc.constant('remove_stake' as const),
        signer: fc.constantFrom(...coldkeys),
        hotkey: validator,
        netuid: net,
        amount: fc.bigInt({ min: 0n, max: 100n * TAO }),
      }),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        call: fc.constant('burned_register' as const),
        signer: fc.constantFrom(...coldkeys),
        hotkey: fc.constantFrom('r0', 'r1', 'r2', 'r3'),
        netuid: net,
      }),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        call: fc.constant('register_network' as const),
        signer: fc.constantFrom(...coldkeys),
        hotkey: fc.constantFrom('s0', 's1'),
      }),
    },
  );
}

describe('supply conservation with the serving, commit-reveal and hyperparameter calls', () => {
  it('holds over random blocks (3,000 blocks), and every new call is applied in them', () => {
    const applied = new Map<string, number>();
    fc.assert(
      fc.property(
        fc.array(fc.array(callArb(), { maxLength: 5 }), { minLength: 150, maxLength: 150 }),
        (blocks) => {
          let state = genesis();
          const revealable: Extrinsic[] = [];
          for (const steps of blocks) {
            const exts = steps.flatMap((x): Extrinsic[] => {
              if (x.call !== 'reveal_recent') return [x];
              const recent = revealable[revealable.length - 1 - x.back];
              return recent === undefined ? [] : [recent];
            });
            const r = applyBlock(state, exts, { epoch: yumaEpoch });
            state = r.state;
            r.receipts.forEach((x, i) => {
              const ext = exts[i]!;
              if (!x.ok || ext.call !== 'commit_weights') return;
              const at = { hotkey: ext.signer, netuid: ext.netuid };
              const intent = INTENTS.find((t) => weightsCommitHash({ ...at, ...t }) === ext.commitHash)!;
              revealable.push({ call: 'reveal_weights', signer: ext.signer, netuid: ext.netuid, ...intent });
            });
            for (const x of r.receipts) if (x.ok) applied.set(x.call, (applied.get(x.call) ?? 0) + 1);
            const problems = checkInvariants(state);
            for (const s of state.subnets.values()) {
              for (const [hk, commits] of s.weightCommits) {
                if (commits.length > MAX_UNREVEALED_COMMITS)
                  problems.push(`${hk} holds ${commits.length} commits`);
              }
            }
            if (problems.length > 0) throw new Error(`block ${state.block}: ${problems.join('; ')}`);
          }
        },
      ),
      { numRuns: 20 },
    );
    const counts = Object.fromEntries(applied);
    for (const call of [
      'serve_axon',
      'commit_weights',
      'reveal_weights',
      'sudo_set_hyperparameter',
      'add_stake',
    ]) {
      expect(applied.get(call) ?? 0, JSON.stringify(counts)).toBeGreaterThan(0);
    }
  });
});
