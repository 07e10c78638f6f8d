/**
 * A small chain for the store's tests: a network near its subnet limit with every mechanism on (so the
 * state holds add-on data, nested Maps and bigints), random submissions, and a minimal producer that
 * turns the journal's pending submissions into a committed block.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { blake2b } from '@noble/hashes/blake2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import fc from 'fast-check';
import { nearLimitGenesis } from '../../engine/genesis/nearLimitNetwork.testkit.ts';
import {
  applyBlock,
  type ChainState,
  type MechanismChainExtrinsic,
  mechanismsAddOn,
  mechanismsGenesis,
  RAO_PER_TAO,
  stakeProportionalEpoch,
  stateRoot,
} from '../../engine/index.ts';
import type { BlockHeader, BlockStore, SubmissionId } from './blockStore.ts';
import { encodeValue } from './stateCodec.ts';
import { StoreError } from './storeError.ts';

const TAO = RAO_PER_TAO;

/** What the tests journal: an extrinsic, and whether its (pretend) signature is forged. */
export interface TestEnvelope {
  readonly extrinsic: MechanismChainExtrinsic;
  readonly forged: boolean;
}

/** The block options of the test chain. */
export const TEST_BLOCK_OPTIONS = { epoch: stakeProportionalEpoch, addOn: mechanismsAddOn } as const;

/** Parent hash of the first block. */
export const GENESIS_PARENT = '0'.repeat(64);

/** Genesis of the test chain. */
export function storeGenesis(): ChainState {
  return nearLimitGenesis({
    balances: Object.fromEntries(
      ['owner1', 'owner2', 'owner3', 'c0', 'c1', 'c2'].map((c) => [c, 5_000n * TAO]),
    ),
    addOn: mechanismsGenesis({
      covenant: { minBond: TAO },
      vesting: { vestDuration: 3, darkEpochs: 2 },
      credits: { serveDeadlineBlocks: 4, tolerance: 1 },
      usageEmission: { lambda: 400_000n, halfLife: 5 },
      computeMarket: { epochBlocks: 7, mint: 10n * TAO, halvingEpochs: 3, feeShare: 100_000n },
    }),
  });
}

/** Records with Object's prototype, as decoded data has (fast-check also makes null-prototype ones). */
const PLAIN = { noNullPrototype: true } as const;

/** A random extrinsic of the test chain, over a few keys so that calls touch the same positions. */
export function extrinsicArb(): fc.Arbitrary<MechanismChainExtrinsic> {
  const coldkey = fc.constantFrom('owner1', 'owner2', 'c0', 'c1', 'c2');
  const hotkey = fc.constantFrom('v1', 'w1', 'v2', 'w2', 'v3', 'm1');
  const net = fc.integer({ min: 1, max: 4 });
  const tao = fc.bigInt({ min: 0n, max: 300n * TAO });
  return fc.oneof(
    fc.record({ call: fc.constant('transfer' as const), signer: coldkey, dest: coldkey, amount: tao }, PLAIN),
    fc.record(
      { call: fc.constant('add_stake' as const), signer: coldkey, hotkey, netuid: net, amount: tao },
      PLAIN,
    ),
    fc.record(
      { call: fc.constant('remove_stake' as const), signer: coldkey, hotkey, netuid: net, amount: tao },
      PLAIN,
    ),
    fc.record(
      {
        call: fc.constant('set_weights' as const),
        signer: hotkey,
        netuid: net,
        uids: fc.constant([0, 1, 2]),
        weights: fc.tuple(fc.nat(65_535), fc.nat(65_535), fc.nat(65_535)),
      },
      PLAIN,
    ),
    fc.record(
      {
        call: fc.constant('register_network' as const),
        signer: coldkey,
        hotkey: fc.constantFrom('r1', 'r2'),
      },
      PLAIN,
    ),
    fc.record(
      {
        call: fc.constant('covenant_open' as const),
        signer: fc.constantFrom('owner1', 'owner2', 'owner3'),
        netuid: net,
        share: fc.bigInt({ min: 0n, max: 500_000n }),
        bond: tao,
        period: fc.integer({ min: 1, max: 3 }),
        gracePeriods: fc.integer({ min: 0, max: 2 }),
      },
      PLAIN,
    ),
    fc.record(
      {
        call: fc.constant('covenant_attest' as const),
        signer: hotkey,
        netuid: net,
        revenue: tao,
      },
      PLAIN,
    ),
    fc.record(
      {
        call: fc.constant('credits_create_sale' as const),
        signer: fc.constantFrom('owner1', 'owner2', 'owner3'),
        netuid: net,
        tranches: fc.array(
          fc.record(
            { amount: fc.bigInt({ min: 1n, max: 50n }), price: fc.bigInt({ min: 0n, max: 5n * TAO }) },
            PLAIN,
          ),
          { maxLength: 2 },
        ),
      },
      PLAIN,
    ),
    fc.record(
      {
        call: fc.constant('credits_buy' as const),
        signer: coldkey,
        saleId: fc.nat(3),
        amount: fc.bigInt({ min: 0n, max: 20n }),
      },
      PLAIN,
    ),
    fc.record({ call: fc.constant('usage_pay' as const), signer: coldkey, netuid: net, amount: tao }, PLAIN),
    fc.record(
      {
        call: fc.constant('compute_buy' as const),
        signer: coldkey,
        usdMicros: fc.bigInt({ min: 0n, max: 50_000_000n }),
      },
      PLAIN,
    ),
  );
}

/** A random envelope: about one in eight is forged, so the producer rejects it. */
export function envelopeArb(): fc.Arbitrary<TestEnvelope> {
  return fc.record({ extrinsic: extrinsicArb(), forged: fc.nat(7).map((n) => n === 0) }, PLAIN);
}

/** `blocks` random blocks of up to four extrinsics each. */
export function randomBlocksArb(blocks: number): fc.Arbitrary<readonly MechanismChainExtrinsic[][]> {
  return fc.array(fc.array(extrinsicArb(), { maxLength: 4 }), { minLength: blocks, maxLength: blocks });
}

/** The test chain's block hash: blake2b-256 over the header and extrinsics. */
export function testBlockHash(header: Omit<BlockHeader, 'hash'>, extrinsics: readonly unknown[]): string {
  return bytesToHex(blake2b(utf8ToBytes(encodeValue({ header, extrinsics }, 'block')), { dkLen: 32 }));
}

/** Time of a test block: 12 s apart from a fixed start, so runs are reproducible. */
export function testBlockTime(number: number): number {
  return 1_700_000_000_000 + number * 12_000;
}

/**
 * Produce and commit the next block from every pending submission: forged ones are rejected with a
 * receipt, the others applied in arrival order. Returns the state after it and the block's header.
 */
export function produceBlock(input: {
  readonly store: BlockStore<TestEnvelope>;
  readonly state: ChainState;
  readonly snapshot: boolean;
}): {
  readonly state: ChainState;
  readonly header: BlockHeader;
  readonly includedIds: readonly SubmissionId[];
} {
  const { store, state } = input;
  const pending = store.pending();
  const accepted = pending.filter((p) => !p.envelope.forged);
  const extrinsics = accepted.map((p) => p.envelope.extrinsic);
  const result = applyBlock(state, extrinsics, TEST_BLOCK_OPTIONS);
  const number = result.state.block;
  const unsigned = {
    number,
    parent: store.lastBlock()?.hash ?? GENESIS_PARENT,
    stateRoot: stateRoot(result.state),
    time: testBlockTime(number),
  };
  const header: BlockHeader = { ...unsigned, hash: testBlockHash(unsigned, extrinsics) };
  const includedIds = accepted.map((p) => p.id);
  store.commitBlock({
    ...header,
    extrinsics,
    receipts: result.receipts,
    events: result.events,
    ...(input.snapshot ? { snapshot: result.state } : {}),
    includedIds,
    rejected: pending
      .filter((p) => p.envelope.forged)
      .map((p) => ({ id: p.id, receipt: { code: 'BadSignature', message: 'forged', field: 'signature' } })),
  });
  return { state: result.state, header, includedIds };
}

/** The StoreError that `f` throws; any other outcome fails the test. */
export function storeErrorOf(f: () => unknown): StoreError {
  try {
    f();
  } catch (error) {
    if (error instanceof StoreError) return error;
    throw error;
  }
  throw new Error('expected a StoreError, but nothing was thrown');
}

/** A new folder under the system's temp folder for store files, and its removal. */
export function tempFolder(): { readonly file: (name: string) => string; readonly remove: () => void } {
  const folder = mkdtempSync(join(tmpdir(), 'tensormarket-store-'));
  return {
    file: (name) => join(folder, name),
    remove: () => rmSync(folder, { recursive: true, force: true }),
  };
}
