/** Errors of the node's durable store: each names the field (table, column or input) and the fix. */
import { TensormarketError } from '../../engine/index.ts';

/** Why the store refused or failed. */
export type StoreErrorCode =
  /** The file could not be opened as a database (missing folder, no permission, WAL unavailable). */
  | 'OPEN_FAILED'
  /** The file is not a store of this node (not SQLite, or SQLite without the store's tables). */
  | 'NOT_A_STORE'
  /** The file was written with another schema version. */
  | 'SCHEMA_VERSION_MISMATCH'
  /** The store belongs to a chain with another genesis. */
  | 'GENESIS_MISMATCH'
  /** A block does not follow the last stored one (number or parent hash). */
  | 'BLOCK_OUT_OF_ORDER'
  /** A block's parts disagree (lengths of extrinsics, receipts and ids; snapshot of another block). */
  | 'BLOCK_MISMATCH'
  /** A block names a submission that is not pending in the journal. */
  | 'UNKNOWN_SUBMISSION'
  /** A submission without an id or with an id that is not a non-empty string. */
  | 'INVALID_SUBMISSION'
  /** A value holds something the codec cannot store (a function, a symbol, a class instance). */
  | 'UNENCODABLE_VALUE'
  /** Stored text that does not decode (a damaged file, or one written by another codec). */
  | 'CORRUPT_VALUE'
  /** A stored block is missing from the chain of blocks recovery replays. */
  | 'BLOCK_MISSING'
  /** Replaying a stored block gives another state root than the one stored with it. */
  | 'STATE_ROOT_MISMATCH'
  /** A stored snapshot's state root differs from its block's. */
  | 'SNAPSHOT_ROOT_MISMATCH'
  /** The store was used after `close()`. */
  | 'STORE_CLOSED';

/** A refusal or failure of the store, with the field at fault and how to fix it. */
export class StoreError extends TensormarketError {
  override readonly code: StoreErrorCode;
  /** The input field, or the table and column, at fault. */
  readonly field: string;
  /** What to do about it. */
  readonly fix: string;

  constructor(
    code: StoreErrorCode,
    problem: {
      readonly field: string;
      readonly message: string;
      readonly fix: string;
      readonly details?: Record<string, unknown>;
      readonly cause?: unknown;
    },
  ) {
    super(code, `${problem.field}: ${problem.message}; ${problem.fix}`, {
      ...(problem.details === undefined ? {} : { details: problem.details }),
      ...(problem.cause === undefined ? {} : { cause: problem.cause }),
    });
    this.code = code;
    this.field = problem.field;
    this.fix = problem.fix;
  }
}
