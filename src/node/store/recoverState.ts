/**
 * Rebuild the chain state from the store after a restart: start from the latest snapshot (or the
 * genesis) and re-apply every later stored block, checking each block's stored state root, so a node
 * comes back to exactly the state it last committed or refuses to start.
 */
import {
  type AddOnCall,
  type AddOnEvent,
  applyBlock,
  type BlockOptions,
  type ChainState,
  type Extrinsic,
  stateRoot,
} from '../../engine/index.ts';
import type { BlockHeader, BlockStore } from './blockStore.ts';
import { StoreError } from './storeError.ts';

/** Input of {@link recoverState}. */
export interface RecoverStateInput<X extends AddOnCall, E extends AddOnEvent, C extends string> {
  readonly store: BlockStore<unknown>;
  /** The genesis the chain started from (used when no snapshot is stored, and checked against the store's). */
  readonly genesis: ChainState;
  /** The block options the chain runs with (epoch and add-on), as when the blocks were produced. */
  readonly options: BlockOptions<X, E, C>;
}

/** The recovered chain. */
export interface RecoveredState {
  /** The state after the last stored block (the genesis when there is none). */
  readonly state: ChainState;
  readonly lastBlock: BlockHeader | undefined;
  /** Where replay started: the snapshot's block, or undefined when it started from the genesis. */
  readonly snapshotBlock: number | undefined;
  /** How many blocks were re-applied. */
  readonly replayed: number;
}

const CHANGED_FIX =
  'run the engine version and block options (rule pack, epoch, add-on) that produced the store, or start with --fresh';

/**
 * The state after the store's last block, re-applied from its latest snapshot and checked against every
 * stored state root. Throws `StoreError` naming the block on a mismatch or a gap.
 * @example const { state, lastBlock } = recoverState({ store, genesis, options: { epoch: yumaEpoch } })
 */
export function recoverState<
  X extends AddOnCall = never,
  E extends AddOnEvent = never,
  C extends string = never,
>(input: RecoverStateInput<X, E, C>): RecoveredState {
  const { store, genesis, options } = input;
  const genesisRoot = stateRoot(genesis);
  if (store.genesisRoot !== undefined && store.genesisRoot !== genesisRoot) {
    throw new StoreError('GENESIS_MISMATCH', {
      field: 'genesis',
      message: `has state root ${genesisRoot}; the store was created from ${store.genesisRoot}`,
      fix: 'start with the genesis that created the store, or start with --fresh',
      details: { recorded: store.genesisRoot, given: genesisRoot },
    });
  }
  const lastBlock = store.lastBlock();
  if (lastBlock === undefined) return { state: genesis, lastBlock, snapshotBlock: undefined, replayed: 0 };

  const snapshot = store.snapshotAtOrBefore(lastBlock.number);
  let state = genesis;
  if (snapshot !== undefined) {
    const root = stateRoot(snapshot.state);
    const stored = store.blockByNumber(snapshot.block)?.stateRoot;
    if (root !== stored) {
      throw new StoreError('SNAPSHOT_ROOT_MISMATCH', {
        field: `snapshots[${snapshot.block}].state`,
        message: `decodes to state root ${root}; block ${snapshot.block} stored ${stored ?? 'nothing'}`,
        fix: 'the snapshot is damaged: restore the file or start with --fresh',
        details: { block: snapshot.block, stored, computed: root },
      });
    }
    state = snapshot.state;
  }

  if (state.block > lastBlock.number) {
    throw new StoreError('GENESIS_MISMATCH', {
      field: 'genesis.block',
      message: `is ${state.block}, after the store's last block ${lastBlock.number}`,
      fix: 'start with the genesis that created the store, or start with --fresh',
      details: { block: lastBlock.number },
    });
  }
  let replayed = 0;
  for (let number = state.block + 1; number <= lastBlock.number; number++) {
    const block = store.blockByNumber(number);
    if (block === undefined) {
      throw new StoreError('BLOCK_MISSING', {
        field: `blocks[${number}]`,
        message: `is missing: the state is at block ${state.block} and the store's last block is ${lastBlock.number}`,
        fix: 'the store does not start at this genesis: start with the genesis that created it, or --fresh',
        details: { block: number },
      });
    }
    // The extrinsics were produced for these options' add-on, so they are its calls.
    const result = applyBlock(state, block.extrinsics as readonly Extrinsic<X>[], options);
    const root = stateRoot(result.state);
    if (root !== block.stateRoot) {
      throw new StoreError('STATE_ROOT_MISMATCH', {
        field: `blocks[${number}].state_root`,
        message: `block ${number} replays to state root ${root}, but ${block.stateRoot} was stored`,
        fix: CHANGED_FIX,
        details: { block: number, stored: block.stateRoot, computed: root },
      });
    }
    state = result.state;
    replayed++;
  }
  return { state, lastBlock, snapshotBlock: snapshot?.block, replayed };
}
