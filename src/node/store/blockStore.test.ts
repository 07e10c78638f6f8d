import { writeFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applyBlock, stateRoot } from '../../engine/index.ts';
import { type BlockToCommit, openBlockStore } from './blockStore.ts';
import {
  envelopeArb,
  GENESIS_PARENT,
  produceBlock,
  storeErrorOf,
  storeGenesis,
  TEST_BLOCK_OPTIONS,
  type TestEnvelope,
  tempFolder,
  testBlockHash,
  testBlockTime,
} from './storeChain.testkit.ts';
import { SCHEMA_VERSION } from './storeSchema.ts';

const TABLES = ['blocks', 'extrinsics', 'receipts', 'events', 'snapshots'] as const;

let folder: ReturnType<typeof tempFolder>;
let path: string;
beforeEach(() => {
  folder = tempFolder();
  path = folder.file('chain.db');
});
afterEach(() => folder.remove());

/** Query the file directly, beside the store's own connection. */
function raw<T>(query: (db: Database.Database) => T): T {
  const db = new Database(path);
  try {
    return query(db);
  } finally {
    db.close();
  }
}

function rowCounts(): Record<string, number> {
  return raw((db) =>
    Object.fromEntries(
      TABLES.map((t) => [t, db.prepare<[], { n: number }>(`SELECT count(*) AS n FROM ${t}`).get()!.n]),
    ),
  );
}

const envelopes = (n: number, seed: number): TestEnvelope[] =>
  fc.sample(envelopeArb(), { seed, numRuns: n }).map((e) => ({ ...e, forged: false }));

/** Block 1 applying the given journalled envelopes, as a producer would commit it. */
function firstBlock(ids: readonly string[], list: readonly TestEnvelope[]): BlockToCommit {
  const extrinsics = list.map((e) => e.extrinsic);
  const result = applyBlock(storeGenesis(), extrinsics, TEST_BLOCK_OPTIONS);
  const unsigned = {
    number: 1,
    parent: GENESIS_PARENT,
    stateRoot: stateRoot(result.state),
    time: testBlockTime(1),
  };
  return {
    ...unsigned,
    hash: testBlockHash(unsigned, extrinsics),
    extrinsics,
    receipts: result.receipts,
    events: result.events,
    snapshot: result.state,
    includedIds: ids,
    rejected: [],
  };
}

describe('openBlockStore', () => {
  it('creates a WAL-mode file with the schema version', () => {
    openBlockStore({ path }).close();
    const { mode, version } = raw((db) => ({
      mode: db.pragma('journal_mode', { simple: true }),
      version: db.prepare<[], { version: number }>('SELECT version FROM schema_version').get()?.version,
    }));
    expect(mode).toBe('wal');
    expect(version).toBe(SCHEMA_VERSION);
  });

  it('refuses a file of another schema version', () => {
    openBlockStore({ path }).close();
    raw((db) => db.prepare('UPDATE schema_version SET version = ?').run(SCHEMA_VERSION + 1));
    const error = storeErrorOf(() => openBlockStore({ path }));
    expect(error.code).toBe('SCHEMA_VERSION_MISMATCH');
    expect(error.field).toBe('schema_version.version');
    expect(error.message).toContain(`schema version ${SCHEMA_VERSION + 1}`);
    expect(error.message).toContain('--fresh');
  });

  it('refuses files that are not stores, and a folder that does not exist', () => {
    writeFileSync(path, 'not a database, just text that is long enough to look like a header '.repeat(20));
    expect(storeErrorOf(() => openBlockStore({ path })).code).toBe('NOT_A_STORE');
    const other = folder.file('other.db');
    const db = new Database(other);
    db.exec('CREATE TABLE notes (body TEXT)');
    db.close();
    expect(storeErrorOf(() => openBlockStore({ path: other })).code).toBe('NOT_A_STORE');
    const missing = storeErrorOf(() => openBlockStore({ path: folder.file('no/such/folder/chain.db') }));
    expect(missing.code).toBe('OPEN_FAILED');
    expect(missing.field).toBe('path');
  });

  it('records the genesis root and refuses a store of another genesis', () => {
    openBlockStore({ path, genesisRoot: 'aa' }).close();
    expect(openBlockStore({ path }).genesisRoot).toBe('aa');
    const error = storeErrorOf(() => openBlockStore({ path, genesisRoot: 'bb' }));
    expect(error.code).toBe('GENESIS_MISMATCH');
    expect(error.field).toBe('genesisRoot');
  });

  it('wipes the chain and the journal when fresh', () => {
    let store = openBlockStore<TestEnvelope>({ path });
    store.journal({ id: 'a', envelope: envelopes(1, 1)[0]! });
    produceBlock({ store, state: storeGenesis(), snapshot: true });
    store.journal({ id: 'b', envelope: envelopes(1, 2)[0]! });
    store.close();
    store = openBlockStore<TestEnvelope>({ path });
    expect(store.lastBlock()?.number).toBe(1);
    store.close();
    store = openBlockStore<TestEnvelope>({ path, fresh: true });
    expect(store.lastBlock()).toBeUndefined();
    expect(store.pending()).toEqual([]);
    expect(store.receiptOf('a')).toBeUndefined();
    store.close();
    expect(rowCounts()).toEqual({ blocks: 0, extrinsics: 0, receipts: 0, events: 0, snapshots: 0 });
  });
});

describe('journal', () => {
  it('is durable on return: closed without a block and reopened, pending keeps arrival order', () => {
    const list = envelopes(5, 7);
    const ids = ['e', 'a', 'd', 'b', 'c'];
    let store = openBlockStore<TestEnvelope>({ path });
    ids.forEach((id, i) => {
      expect(store.journal({ id, envelope: list[i]!, receivedAt: 1_000 + i })).toBe('journalled');
    });
    store.close();
    store = openBlockStore<TestEnvelope>({ path });
    const pending = store.pending();
    expect(pending.map((p) => p.id)).toEqual(ids);
    expect(pending.map((p) => p.envelope)).toStrictEqual(list);
    expect(pending.map((p) => p.receivedAt)).toEqual([1_000, 1_001, 1_002, 1_003, 1_004]);
    expect(store.receiptOf('d')).toEqual({ status: 'pending' });
    store.close();
  });

  it('answers known for an id already journalled and keeps the first envelope', () => {
    const [first, second] = envelopes(2, 3);
    const store = openBlockStore<TestEnvelope>({ path });
    expect(store.journal({ id: 'x', envelope: first! })).toBe('journalled');
    expect(store.journal({ id: 'x', envelope: second! })).toBe('known');
    expect(store.pending().map((p) => p.envelope)).toStrictEqual([first]);
    const error = storeErrorOf(() => store.journal({ id: '', envelope: first! }));
    expect(error.code).toBe('INVALID_SUBMISSION');
    expect(error.field).toBe('id');
    store.close();
  });
});

describe('journalMany', () => {
  it('journals a batch in one transaction, in order, and rolls all of it back on a bad entry', () => {
    const list = envelopes(4, 5);
    let store = openBlockStore<TestEnvelope>({ path });
    store.journal({ id: 'b', envelope: list[1]! });
    const answers = store.journalMany([
      { id: 'a', envelope: list[0]! },
      { id: 'b', envelope: list[2]! },
      { id: 'c', envelope: list[3]! },
    ]);
    expect(answers).toEqual(['journalled', 'known', 'journalled']);
    const error = storeErrorOf(() =>
      store.journalMany([
        { id: 'd', envelope: list[0]! },
        { id: '', envelope: list[1]! },
      ]),
    );
    expect([error.code, error.field]).toEqual(['INVALID_SUBMISSION', 'id']);
    store.close();
    store = openBlockStore<TestEnvelope>({ path });
    expect(store.pending().map((p) => p.id)).toEqual(['b', 'a', 'c']);
    expect(store.receiptOf('d')).toBeUndefined();
    store.close();
  });
});

describe('commitBlock', () => {
  it('stores the block, its parts, its snapshot and the outcome of each submission', () => {
    const list = envelopes(4, 11);
    const store = openBlockStore<TestEnvelope>({ path });
    list.forEach((envelope, i) => {
      store.journal({ id: `s${i}`, envelope: i === 2 ? { ...envelope, forged: true } : envelope });
    });
    const genesis = storeGenesis();
    const { state, header } = produceBlock({ store, state: genesis, snapshot: true });
    const live = applyBlock(
      genesis,
      [list[0]!, list[1]!, list[3]!].map((e) => e.extrinsic),
      TEST_BLOCK_OPTIONS,
    );
    expect(store.lastBlock()).toEqual(header);
    const block = store.blockByNumber(1)!;
    expect(block.extrinsics).toStrictEqual([list[0]!, list[1]!, list[3]!].map((e) => e.extrinsic));
    expect(block.submissions).toEqual(['s0', 's1', 's3']);
    expect(block.receipts).toStrictEqual(live.receipts);
    expect(block.events).toStrictEqual(live.events);
    expect(block.stateRoot).toBe(stateRoot(live.state));
    expect(store.receiptOf('s1')).toStrictEqual({ status: 'included', block: 1, receipt: live.receipts[1] });
    expect(store.receiptOf('s2')).toEqual({
      status: 'rejected',
      block: 1,
      receipt: { code: 'BadSignature', message: 'forged', field: 'signature' },
    });
    expect(store.pending()).toEqual([]);
    const snapshot = store.snapshotAtOrBefore(5)!;
    expect(snapshot.block).toBe(1);
    expect(stateRoot(snapshot.state)).toBe(stateRoot(state));
    expect(store.snapshotAtOrBefore(0)).toBeUndefined();
    expect(store.blockByNumber(2)).toBeUndefined();
    store.close();
  });

  it('is atomic: a block that fails midway leaves nothing of itself', () => {
    const list = envelopes(2, 5);
    const store = openBlockStore<TestEnvelope>({ path });
    store.journal({ id: 'a', envelope: list[0]! });
    store.journal({ id: 'b', envelope: list[1]! });
    const good = firstBlock(['a', 'b'], list);
    const nothingStored = () => {
      expect(store.lastBlock()).toBeUndefined();
      expect(store.snapshotAtOrBefore(1)).toBeUndefined();
      expect(store.pending().map((p) => p.id)).toEqual(['a', 'b']);
      expect(store.receiptOf('a')).toEqual({ status: 'pending' });
      expect(rowCounts()).toEqual({ blocks: 0, extrinsics: 0, receipts: 0, events: 0, snapshots: 0 });
    };
    // Fails at its last write: 'a' was already marked included when 'nope' is found not pending.
    const unknown = storeErrorOf(() => store.commitBlock({ ...good, includedIds: ['a', 'nope'] }));
    expect(unknown.code).toBe('UNKNOWN_SUBMISSION');
    expect(unknown.field).toBe('includedIds[1]');
    nothingStored();
    // Fails after the block row and its extrinsics and receipts were written.
    const badEvent = { type: 'Broken', at: () => 0 };
    const events = [...good.events.slice(0, 1), badEvent, ...good.events.slice(1)];
    const unencodable = storeErrorOf(() => store.commitBlock({ ...good, events }));
    expect(unencodable.code).toBe('UNENCODABLE_VALUE');
    expect(unencodable.field).toBe('events[1].at');
    nothingStored();
    // The failed attempts left no transaction open: the good block commits.
    store.commitBlock(good);
    expect(store.lastBlock()?.hash).toBe(good.hash);
    expect(store.receiptOf('b')).toMatchObject({ status: 'included', block: 1 });
    store.close();
  });

  it('refuses blocks out of order or with parts that disagree, naming the field', () => {
    const list = envelopes(1, 9);
    const store = openBlockStore<TestEnvelope>({ path });
    store.journal({ id: 'a', envelope: list[0]! });
    const good = firstBlock(['a'], list);
    const cases: Array<[Partial<BlockToCommit>, string, string]> = [
      [{ receipts: [] }, 'BLOCK_MISMATCH', 'receipts'],
      [{ includedIds: [] }, 'BLOCK_MISMATCH', 'includedIds'],
      [{ snapshot: storeGenesis() }, 'BLOCK_MISMATCH', 'snapshot.block'],
      [{ number: 1.5 }, 'BLOCK_MISMATCH', 'number'],
    ];
    for (const [change, code, field] of cases) {
      const error = storeErrorOf(() => store.commitBlock({ ...good, ...change }));
      expect([error.code, error.field]).toEqual([code, field]);
    }
    store.commitBlock(good);
    // The store checks the chain of blocks, not their contents: an empty block with any root will do.
    const second: BlockToCommit = {
      number: 2,
      parent: good.hash,
      hash: 'h2',
      stateRoot: good.stateRoot,
      time: testBlockTime(2),
      extrinsics: [],
      receipts: [],
      events: [],
      includedIds: [],
      rejected: [],
    };
    const gap = storeErrorOf(() => store.commitBlock({ ...second, number: 3 }));
    expect([gap.code, gap.field]).toEqual(['BLOCK_OUT_OF_ORDER', 'number']);
    const fork = storeErrorOf(() => store.commitBlock({ ...second, parent: 'elsewhere' }));
    expect([fork.code, fork.field]).toEqual(['BLOCK_OUT_OF_ORDER', 'parent']);
    const again = storeErrorOf(() => store.commitBlock({ ...second, hash: good.hash }));
    expect([again.code, again.field]).toEqual(['BLOCK_MISMATCH', 'hash']);
    const settled = storeErrorOf(() =>
      store.commitBlock({ ...second, rejected: [{ id: 'a', receipt: { code: 'X', message: 'x' } }] }),
    );
    expect([settled.code, settled.field]).toEqual(['UNKNOWN_SUBMISSION', 'rejected[0].id']);
    store.commitBlock(second);
    expect(store.lastBlock()?.number).toBe(2);
    store.close();
  });

  it('refuses use after close', () => {
    const store = openBlockStore({ path });
    store.close();
    store.close();
    const error = storeErrorOf(() => store.pending());
    expect(error.code).toBe('STORE_CLOSED');
  });
});
