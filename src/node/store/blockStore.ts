/**
 * The node's durable store: one SQLite file in WAL mode holding the journal of submissions, the blocks
 * with their extrinsics, receipts and events, and periodic state snapshots. A submission is durable when
 * `journal` returns; a block and the journal's record of what it did with each submission are committed
 * in one transaction, so after a crash at any instant every acknowledged submission is still pending,
 * or is included or rejected with a receipt.
 */
import { rmSync } from 'node:fs';
import Database from 'better-sqlite3';
import type {
  AddOnCall,
  AddOnEvent,
  ChainEvent,
  ChainState,
  Extrinsic,
  Receipt,
  Rejection,
} from '../../engine/index.ts';
import { decodeState, decodeValue, encodeState, encodeValue } from './stateCodec.ts';
import { StoreError } from './storeError.ts';
import { type JournalStatus, SCHEMA_SQL, SCHEMA_VERSION } from './storeSchema.ts';

/** Id of a submission, chosen by whoever journals it (e.g. the hash of its envelope). */
export type SubmissionId = string;
/** An extrinsic as stored: the chain's or an add-on's call. */
export type StoredExtrinsic = Extrinsic<AddOnCall>;
/** A receipt as stored: the chain's or an add-on's codes and events. */
export type StoredReceipt = Receipt<AddOnCall, AddOnEvent, string>;
/** An event as stored. */
export type StoredEvent = ChainEvent<AddOnEvent>;

/** What identifies a block and what it committed to. */
export interface BlockHeader {
  readonly number: number;
  readonly hash: string;
  /** Hash of the block before it. */
  readonly parent: string;
  /** `stateRoot` of the state after the block. */
  readonly stateRoot: string;
  /** When it was produced, in Unix milliseconds. */
  readonly time: number;
}

/** A stored block with everything it holds. */
export interface StoredBlock extends BlockHeader {
  readonly extrinsics: readonly StoredExtrinsic[];
  /** The submission that carried each extrinsic (same order). */
  readonly submissions: readonly SubmissionId[];
  /** One receipt per extrinsic (same order). */
  readonly receipts: readonly StoredReceipt[];
  /** The block's events: `on_initialize`'s, then the applied extrinsics'. */
  readonly events: readonly StoredEvent[];
}

/** A block to commit, with the journal's outcome for each submission it settles. */
export interface BlockToCommit extends BlockHeader {
  readonly extrinsics: readonly StoredExtrinsic[];
  readonly receipts: readonly StoredReceipt[];
  readonly events: readonly StoredEvent[];
  /** The state after the block, stored as a snapshot when given (its `block` must be `number`). */
  readonly snapshot?: ChainState;
  /** The pending submission that carried each extrinsic (same order and length as `extrinsics`). */
  readonly includedIds: readonly SubmissionId[];
  /** Pending submissions refused without entering the block (bad signature, stale nonce...). */
  readonly rejected: ReadonlyArray<{ readonly id: SubmissionId; readonly receipt: Rejection }>;
}

/** A submission to journal; `receivedAt` (Unix ms) defaults to now. */
export interface Submission<Envelope> {
  readonly id: SubmissionId;
  readonly envelope: Envelope;
  readonly receivedAt?: number;
}

/** A journalled submission as stored. */
export interface JournalledSubmission<Envelope> {
  readonly id: SubmissionId;
  readonly envelope: Envelope;
  readonly receivedAt: number;
}

/** What became of a journalled submission. */
export type SubmissionOutcome =
  | { readonly status: 'pending' }
  | { readonly status: 'included'; readonly block: number; readonly receipt: StoredReceipt }
  | { readonly status: 'rejected'; readonly block: number; readonly receipt: Rejection };

/** The latest snapshot at or before a block. */
export interface StoredSnapshot {
  readonly block: number;
  readonly state: ChainState;
}

/** Options of {@link openBlockStore}. */
export interface OpenBlockStoreOptions {
  /** The database file (created when missing; its `-wal` and `-shm` companions sit beside it). */
  readonly path: string;
  /** Delete the file and its companions first, starting a new chain. */
  readonly fresh?: boolean;
  /** State root of the chain's genesis: recorded in a new store, and a store of another genesis is refused. */
  readonly genesisRoot?: string;
}

/** An open store. Every method is synchronous; a write has been committed to disk when it returns. */
export interface BlockStore<Envelope = unknown> {
  /** The genesis state root recorded in the store, if any. */
  readonly genesisRoot: string | undefined;
  /**
   * Journal a submission in its own committed transaction, durable when this returns: acknowledge it
   * only after. `'known'` when the id is already journalled (the first envelope stays).
   */
  journal(submission: Submission<Envelope>): 'journalled' | 'known';
  /**
   * Journal several submissions in one committed transaction (one sync to disk for all), durable when
   * this returns; one answer per submission, in order.
   */
  journalMany(submissions: readonly Submission<Envelope>[]): ('journalled' | 'known')[];
  /** Pending submissions in arrival order. */
  pending(): JournalledSubmission<Envelope>[];
  /** Submissions included in blocks, in the order they were journalled (to rebuild account nonces). */
  included(): JournalledSubmission<Envelope>[];
  /** Store a block, its snapshot and the journal's outcomes in one transaction: all of it or nothing. */
  commitBlock(block: BlockToCommit): void;
  /** The highest stored block. */
  lastBlock(): BlockHeader | undefined;
  blockByNumber(number: number): StoredBlock | undefined;
  /** What became of a submission; undefined when it was never journalled. */
  receiptOf(id: SubmissionId): SubmissionOutcome | undefined;
  /** The latest snapshot at or before block `number`. */
  snapshotAtOrBefore(number: number): StoredSnapshot | undefined;
  /** Close the file (a checkpoint folds the WAL into it); later calls throw `STORE_CLOSED`. */
  close(): void;
}

const FRESH_FIX = 'start with --fresh to discard it, or give another path';

function sqliteCode(error: unknown): string | undefined {
  return error instanceof Database.SqliteError ? error.code : undefined;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Create the schema in an empty file, or check the version and genesis of an existing store. */
function prepareFile(db: Database.Database, options: OpenBlockStoreOptions): string | undefined {
  const tables = new Set(
    db
      .prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table'")
      .all()
      .map((t) => t.name),
  );
  if (tables.size === 0) {
    db.exec(SCHEMA_SQL);
    db.prepare('INSERT INTO schema_version (version) VALUES (?)').run(SCHEMA_VERSION);
  } else if (!tables.has('schema_version')) {
    throw new StoreError('NOT_A_STORE', {
      field: 'path',
      message: `${options.path} is an SQLite file without a schema_version table, so not a node store`,
      fix: FRESH_FIX,
    });
  } else {
    const found = db.prepare<[], { version: number }>('SELECT version FROM schema_version').get()?.version;
    if (found !== SCHEMA_VERSION) {
      throw new StoreError('SCHEMA_VERSION_MISMATCH', {
        field: 'schema_version.version',
        message: `${options.path} has schema version ${found ?? 'none'}; this node reads version ${SCHEMA_VERSION}`,
        fix: `open it with the node version that wrote it, or ${FRESH_FIX}`,
        details: { found, expected: SCHEMA_VERSION },
      });
    }
  }
  const recorded = db.prepare<[], { root: string }>('SELECT root FROM genesis').get()?.root;
  if (options.genesisRoot === undefined || recorded === options.genesisRoot) return recorded;
  if (recorded === undefined) {
    db.prepare('INSERT INTO genesis (root) VALUES (?)').run(options.genesisRoot);
    return options.genesisRoot;
  }
  throw new StoreError('GENESIS_MISMATCH', {
    field: 'genesisRoot',
    message: `${options.path} holds a chain with genesis root ${recorded}, not ${options.genesisRoot}`,
    fix: `start with the genesis that created it, or ${FRESH_FIX}`,
    details: { recorded, given: options.genesisRoot },
  });
}

function openDatabase(options: OpenBlockStoreOptions): {
  db: Database.Database;
  genesisRoot: string | undefined;
} {
  let db: Database.Database;
  try {
    db = new Database(options.path);
  } catch (cause) {
    throw new StoreError('OPEN_FAILED', {
      field: 'path',
      message: `cannot open ${options.path}: ${messageOf(cause)}`,
      fix: 'give a file path in an existing folder that the node may write',
      cause,
    });
  }
  try {
    const mode = db.pragma('journal_mode = WAL', { simple: true });
    if (mode !== 'wal') {
      throw new StoreError('OPEN_FAILED', {
        field: 'path',
        message: `${options.path} refused WAL mode (journal mode ${String(mode)})`,
        fix: 'put the store on a local file system',
      });
    }
    // FULL: in WAL mode, NORMAL does not sync the log at each commit, so a power loss could undo a
    // commit whose submission was already acknowledged; FULL syncs before the commit returns.
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    const genesisRoot = db.transaction(() => prepareFile(db, options)).immediate();
    return { db, genesisRoot };
  } catch (error) {
    db.close();
    if (sqliteCode(error) === 'SQLITE_NOTADB') {
      throw new StoreError('NOT_A_STORE', {
        field: 'path',
        message: `${options.path} is not an SQLite database`,
        fix: FRESH_FIX,
        cause: error,
      });
    }
    throw error;
  }
}

function checkShape(block: BlockToCommit): void {
  const mismatch = (field: string, message: string, fix: string) =>
    new StoreError('BLOCK_MISMATCH', { field, message, fix, details: { block: block.number } });
  if (!Number.isSafeInteger(block.number) || block.number < 0) {
    throw mismatch('number', `is ${block.number}`, 'give a non-negative integer block number');
  }
  if (!Number.isSafeInteger(block.time)) {
    throw mismatch('time', `is ${block.time}`, 'give the block time in integer Unix milliseconds');
  }
  const n = block.extrinsics.length;
  if (block.receipts.length !== n) {
    throw mismatch(
      'receipts',
      `has ${block.receipts.length} entries for ${n} extrinsics`,
      'give one per extrinsic',
    );
  }
  if (block.includedIds.length !== n) {
    throw mismatch(
      'includedIds',
      `has ${block.includedIds.length} ids for ${n} extrinsics`,
      'give the submission id of each extrinsic, in order',
    );
  }
  if (block.snapshot !== undefined && block.snapshot.block !== block.number) {
    throw mismatch(
      'snapshot.block',
      `is ${block.snapshot.block}, not the block's number ${block.number}`,
      'snapshot the state after this block',
    );
  }
}

interface HeaderRow {
  number: number;
  hash: string;
  parent: string;
  state_root: string;
  time: number;
}

function headerOf(row: HeaderRow): BlockHeader {
  return {
    number: row.number,
    hash: row.hash,
    parent: row.parent,
    stateRoot: row.state_root,
    time: row.time,
  };
}

/**
 * Open (or create) the store at `path`: WAL mode, full sync, the schema of this version.
 * Throws `StoreError` for a file of another schema version, another genesis, or no store at all.
 * @example const store = openBlockStore({ path: 'chain.db', fresh: false })
 */
export function openBlockStore<Envelope = unknown>(options: OpenBlockStoreOptions): BlockStore<Envelope> {
  if (options.fresh === true) {
    for (const suffix of ['', '-wal', '-shm', '-journal'])
      rmSync(`${options.path}${suffix}`, { force: true });
  }
  const { db, genesisRoot } = openDatabase(options);

  const insertJournal = db.prepare<[string, string, number]>(
    "INSERT INTO journal (id, envelope, received_at, status) VALUES (?, ?, ?, 'pending') ON CONFLICT (id) DO NOTHING",
  );
  const selectPending = db.prepare<[], { id: string; envelope: string; received_at: number }>(
    "SELECT id, envelope, received_at FROM journal WHERE status = 'pending' ORDER BY seq",
  );
  const toSubmission = (row: { id: string; envelope: string; received_at: number }) => ({
    id: row.id,
    envelope: decodeValue<Envelope>(row.envelope, `journal[${row.id}].envelope`),
    receivedAt: row.received_at,
  });
  const selectIncluded = db.prepare<[], { id: string; envelope: string; received_at: number }>(
    "SELECT id, envelope, received_at FROM journal WHERE status = 'included' ORDER BY seq",
  );
  const selectHeaderColumns = 'SELECT number, hash, parent, state_root, time FROM blocks';
  const selectLast = db.prepare<[], HeaderRow>(`${selectHeaderColumns} ORDER BY number DESC LIMIT 1`);
  const selectHeader = db.prepare<[number], HeaderRow>(`${selectHeaderColumns} WHERE number = ?`);
  const insertBlock = db.prepare<[number, string, string, string, number]>(
    'INSERT INTO blocks (number, hash, parent, state_root, time) VALUES (?, ?, ?, ?, ?)',
  );
  const insertExtrinsic = db.prepare<[number, number, string, string]>(
    'INSERT INTO extrinsics (block, idx, submission, body) VALUES (?, ?, ?, ?)',
  );
  const insertReceipt = db.prepare<[number, number, string]>(
    'INSERT INTO receipts (block, idx, body) VALUES (?, ?, ?)',
  );
  const insertEvent = db.prepare<[number, number, string]>(
    'INSERT INTO events (block, idx, body) VALUES (?, ?, ?)',
  );
  const insertSnapshot = db.prepare<[number, string]>('INSERT INTO snapshots (block, state) VALUES (?, ?)');
  const settle = db.prepare<[JournalStatus, number, string, string]>(
    "UPDATE journal SET status = ?, block = ?, receipt = ? WHERE id = ? AND status = 'pending'",
  );
  const selectExtrinsics = db.prepare<[number], { submission: string; body: string }>(
    'SELECT submission, body FROM extrinsics WHERE block = ? ORDER BY idx',
  );
  const selectReceipts = db.prepare<[number], { body: string }>(
    'SELECT body FROM receipts WHERE block = ? ORDER BY idx',
  );
  const selectEvents = db.prepare<[number], { body: string }>(
    'SELECT body FROM events WHERE block = ? ORDER BY idx',
  );
  const selectOutcome = db.prepare<
    [string],
    { status: JournalStatus; block: number | null; receipt: string | null }
  >('SELECT status, block, receipt FROM journal WHERE id = ?');
  const selectSnapshot = db.prepare<[number], { block: number; state: string }>(
    'SELECT block, state FROM snapshots WHERE block <= ? ORDER BY block DESC LIMIT 1',
  );

  const settleOne = (
    status: JournalStatus,
    block: number,
    id: SubmissionId,
    receipt: string,
    field: string,
  ) => {
    if (settle.run(status, block, receipt, id).changes !== 1) {
      throw new StoreError('UNKNOWN_SUBMISSION', {
        field,
        message: `'${id}' is not pending in the journal (never journalled, or already included or rejected)`,
        fix: 'settle only submissions that pending() returned, each once',
        details: { block, id },
      });
    }
  };

  // Every write of a block, in one transaction: a throw anywhere rolls all of it back.
  const commit = db.transaction((block: BlockToCommit) => {
    const last = selectLast.get();
    if (last !== undefined && block.number !== last.number + 1) {
      throw new StoreError('BLOCK_OUT_OF_ORDER', {
        field: 'number',
        message: `is ${block.number}, but the last stored block is ${last.number}`,
        fix: `commit block ${last.number + 1} next`,
        details: { block: block.number, last: last.number },
      });
    }
    if (last !== undefined && block.parent !== last.hash) {
      throw new StoreError('BLOCK_OUT_OF_ORDER', {
        field: 'parent',
        message: `is ${block.parent}, but the last stored block's hash is ${last.hash}`,
        fix: 'build the block on the last stored one',
        details: { block: block.number },
      });
    }
    insertBlock.run(block.number, block.hash, block.parent, block.stateRoot, block.time);
    const receipts = block.receipts.map((r, i) => encodeValue(r, `receipts[${i}]`));
    for (let i = 0; i < block.extrinsics.length; i++) {
      const body = encodeValue(block.extrinsics[i], `extrinsics[${i}]`);
      insertExtrinsic.run(block.number, i, block.includedIds[i]!, body);
      insertReceipt.run(block.number, i, receipts[i]!);
    }
    for (let i = 0; i < block.events.length; i++) {
      insertEvent.run(block.number, i, encodeValue(block.events[i], `events[${i}]`));
    }
    if (block.snapshot !== undefined) insertSnapshot.run(block.number, encodeState(block.snapshot));
    block.includedIds.forEach((id, i) => {
      settleOne('included', block.number, id, receipts[i]!, `includedIds[${i}]`);
    });
    block.rejected.forEach(({ id, receipt }, i) => {
      settleOne(
        'rejected',
        block.number,
        id,
        encodeValue(receipt, `rejected[${i}].receipt`),
        `rejected[${i}].id`,
      );
    });
  });

  const journalOne = (submission: Submission<Envelope>): 'journalled' | 'known' => {
    if (typeof submission.id !== 'string' || submission.id.length === 0) {
      throw new StoreError('INVALID_SUBMISSION', {
        field: 'id',
        message: `is ${JSON.stringify(submission.id)}`,
        fix: 'give each submission a non-empty string id',
      });
    }
    const receivedAt = submission.receivedAt ?? Date.now();
    if (!Number.isSafeInteger(receivedAt)) {
      throw new StoreError('INVALID_SUBMISSION', {
        field: 'receivedAt',
        message: `is ${receivedAt}`,
        fix: 'give integer Unix milliseconds, or leave it out for now',
      });
    }
    const envelope = encodeValue(submission.envelope, 'envelope');
    return insertJournal.run(submission.id, envelope, receivedAt).changes === 1 ? 'journalled' : 'known';
  };
  // All or nothing: a bad submission rolls the others back.
  const journalAll = db.transaction((submissions: readonly Submission<Envelope>[]) =>
    submissions.map(journalOne),
  );

  let open = true;
  const live = () => {
    if (!open) {
      throw new StoreError('STORE_CLOSED', {
        field: 'store',
        message: 'was closed',
        fix: 'open it again with openBlockStore',
      });
    }
  };

  return {
    genesisRoot,
    journal(submission) {
      live();
      // A lone statement outside a transaction is its own transaction, committed and synced on return.
      return journalOne(submission);
    },
    journalMany(submissions) {
      live();
      return journalAll(submissions);
    },
    pending() {
      live();
      return selectPending.all().map(toSubmission);
    },
    included() {
      live();
      return selectIncluded.all().map(toSubmission);
    },
    commitBlock(block) {
      live();
      checkShape(block);
      try {
        commit.immediate(block);
      } catch (error) {
        if (sqliteCode(error) === 'SQLITE_CONSTRAINT_UNIQUE' && messageOf(error).includes('blocks.hash')) {
          throw new StoreError('BLOCK_MISMATCH', {
            field: 'hash',
            message: `${block.hash} is the hash of a stored block`,
            fix: 'give each block its own hash',
            cause: error,
          });
        }
        throw error;
      }
    },
    lastBlock() {
      live();
      const row = selectLast.get();
      return row === undefined ? undefined : headerOf(row);
    },
    blockByNumber(number) {
      live();
      const row = selectHeader.get(number);
      if (row === undefined) return undefined;
      const extrinsics = selectExtrinsics.all(number);
      return {
        ...headerOf(row),
        extrinsics: extrinsics.map((x, i) =>
          decodeValue<StoredExtrinsic>(x.body, `extrinsics[block ${number}, ${i}]`),
        ),
        submissions: extrinsics.map((x) => x.submission),
        receipts: selectReceipts
          .all(number)
          .map((r, i) => decodeValue<StoredReceipt>(r.body, `receipts[block ${number}, ${i}]`)),
        events: selectEvents
          .all(number)
          .map((e, i) => decodeValue<StoredEvent>(e.body, `events[block ${number}, ${i}]`)),
      };
    },
    receiptOf(id) {
      live();
      const row = selectOutcome.get(id);
      if (row === undefined) return undefined;
      if (row.status === 'pending' || row.block === null || row.receipt === null)
        return { status: 'pending' };
      const field = `journal[${id}].receipt`;
      return row.status === 'included'
        ? { status: 'included', block: row.block, receipt: decodeValue<StoredReceipt>(row.receipt, field) }
        : { status: 'rejected', block: row.block, receipt: decodeValue<Rejection>(row.receipt, field) };
    },
    snapshotAtOrBefore(number) {
      live();
      const row = selectSnapshot.get(number);
      return row === undefined ? undefined : { block: row.block, state: decodeState(row.state) };
    },
    close() {
      if (!open) return;
      open = false;
      db.close();
    },
  };
}
