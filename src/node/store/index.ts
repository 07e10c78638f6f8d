/**
 * The node's durable store: the SQLite block store with its submission journal, the codec of stored
 * chain data, and recovery of the state after a restart.
 * @example
 * const store = openBlockStore({ path: 'chain.db', genesisRoot: stateRoot(genesis) });
 * const { state, lastBlock } = recoverState({ store, genesis, options: { epoch: yumaEpoch } });
 */
export {
  type BlockHeader,
  type BlockStore,
  type BlockToCommit,
  type JournalledSubmission,
  type OpenBlockStoreOptions,
  openBlockStore,
  type StoredBlock,
  type StoredEvent,
  type StoredExtrinsic,
  type StoredReceipt,
  type StoredSnapshot,
  type Submission,
  type SubmissionId,
  type SubmissionOutcome,
} from './blockStore.ts';
export { type RecoveredState, type RecoverStateInput, recoverState } from './recoverState.ts';
export { decodeState, decodeValue, encodeState, encodeValue } from './stateCodec.ts';
export { StoreError, type StoreErrorCode } from './storeError.ts';
export { JOURNAL_STATUSES, type JournalStatus, SCHEMA_VERSION } from './storeSchema.ts';
