import Database from 'better-sqlite3';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applyBlock, type ChainState, createGenesis, stateRoot } from '../../engine/index.ts';
import { type BlockHeader, openBlockStore } from './blockStore.ts';
import { recoverState } from './recoverState.ts';
import { encodeState } from './stateCodec.ts';
import {
  envelopeArb,
  produceBlock,
  storeErrorOf,
  storeGenesis,
  TEST_BLOCK_OPTIONS,
  type TestEnvelope,
  tempFolder,
} from './storeChain.testkit.ts';

let folder: ReturnType<typeof tempFolder>;
let path: string;
beforeEach(() => {
  folder = tempFolder();
  path = folder.file('chain.db');
});
afterEach(() => folder.remove());

/** Run `blocks` blocks of random submissions, snapshotting every `every` blocks; the live state at the end. */
function runChain(blocks: number, every: number): { state: ChainState; header: BlockHeader | undefined } {
  const store = openBlockStore<TestEnvelope>({ path, genesisRoot: stateRoot(storeGenesis()) });
  const submissions = fc.sample(envelopeArb(), { seed: 42, numRuns: blocks * 3 });
  let state = storeGenesis();
  let header: BlockHeader | undefined;
  for (let b = 0; b < blocks; b++) {
    for (let i = 0; i < 3; i++) store.journal({ id: `s${b}.${i}`, envelope: submissions[b * 3 + i]! });
    ({ state, header } = produceBlock({ store, state, snapshot: (b + 1) % every === 0 }));
  }
  store.close();
  return { state, header };
}

/** How many submissions the store holds as included and as rejected. */
function outcomes(): { included: number; rejected: number } {
  const db = new Database(path, { readonly: true });
  const count = (status: string) =>
    db.prepare<[string], { n: number }>('SELECT count(*) AS n FROM journal WHERE status = ?').get(status)!.n;
  const result = { included: count('included'), rejected: count('rejected') };
  db.close();
  return result;
}

function recover() {
  const store = openBlockStore<TestEnvelope>({ path });
  try {
    return recoverState({ store, genesis: storeGenesis(), options: TEST_BLOCK_OPTIONS });
  } finally {
    store.close();
  }
}

function sql(statement: string, ...params: unknown[]): void {
  const db = new Database(path);
  db.prepare(statement).run(...params);
  db.close();
}

describe('recoverState', () => {
  it('rebuilds the live state after 23 blocks from the snapshot of block 20', () => {
    const live = runChain(23, 5);
    const recovered = recover();
    expect(stateRoot(recovered.state)).toBe(stateRoot(live.state));
    expect(recovered.lastBlock).toEqual(live.header);
    expect(recovered.snapshotBlock).toBe(20);
    expect(recovered.replayed).toBe(3);
    const { included, rejected } = outcomes();
    expect(included + rejected).toBe(23 * 3);
    expect(rejected).toBeGreaterThan(0); // forged submissions were refused with a receipt
  });

  it('rebuilds from the genesis when no snapshot was taken, and the result runs on', () => {
    const live = runChain(12, 1_000);
    const recovered = recover();
    expect(recovered.snapshotBlock).toBeUndefined();
    expect(recovered.replayed).toBe(12);
    expect(stateRoot(recovered.state)).toBe(stateRoot(live.state));
    // The recovered state is a working state: the next block matches the live chain's next block.
    const envelope = { ...fc.sample(envelopeArb(), { seed: 3, numRuns: 1 })[0]!, forged: false };
    const store = openBlockStore<TestEnvelope>({ path });
    store.journal({ id: 'after', envelope });
    const next = produceBlock({ store, state: recovered.state, snapshot: false });
    store.close();
    const liveNext = applyBlock(live.state, [envelope.extrinsic], TEST_BLOCK_OPTIONS);
    expect(stateRoot(next.state)).toBe(stateRoot(liveNext.state));
    expect(stateRoot(recover().state)).toBe(stateRoot(liveNext.state));
  });

  it('gives the genesis for an empty store, and needs no replay after a snapshot of the last block', () => {
    openBlockStore({ path }).close();
    const empty = recover();
    expect(stateRoot(empty.state)).toBe(stateRoot(storeGenesis()));
    expect([empty.lastBlock, empty.replayed]).toEqual([undefined, 0]);
    folder.remove();
    folder = tempFolder();
    path = folder.file('chain.db');
    const live = runChain(6, 3);
    const recovered = recover();
    expect([recovered.snapshotBlock, recovered.replayed]).toEqual([6, 0]);
    expect(stateRoot(recovered.state)).toBe(stateRoot(live.state));
  });

  it('refuses a block whose stored state root differs, naming the block', () => {
    runChain(9, 4);
    sql('UPDATE blocks SET state_root = ? WHERE number = 9', 'f'.repeat(64));
    const error = storeErrorOf(recover);
    expect(error.code).toBe('STATE_ROOT_MISMATCH');
    expect(error.field).toBe('blocks[9].state_root');
    expect(error.details).toMatchObject({ block: 9, stored: 'f'.repeat(64) });
    expect(error.message).toContain('block 9');
  });

  it('refuses a snapshot that does not match its block', () => {
    runChain(8, 4);
    sql('UPDATE snapshots SET state = ? WHERE block = 8', encodeState(storeGenesis()));
    const error = storeErrorOf(recover);
    expect(error.code).toBe('SNAPSHOT_ROOT_MISMATCH');
    expect(error.field).toBe('snapshots[8].state');
  });

  it('refuses a store of another genesis', () => {
    runChain(3, 1_000);
    const other = createGenesis({ sudo: 'sudo', balances: { sudo: 1n } });
    const store = openBlockStore({ path });
    const error = storeErrorOf(() => recoverState({ store, genesis: other, options: TEST_BLOCK_OPTIONS }));
    store.close();
    expect(error.code).toBe('GENESIS_MISMATCH');
    expect(error.field).toBe('genesis');
  });
});
