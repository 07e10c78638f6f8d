/**
 * A local network's node: the exact engine producing blocks from a mempool of signed envelopes, every
 * submission journalled in the store before it is acknowledged and every block committed in one database
 * transaction, so a node killed at any instant restarts to the same state with no acknowledged
 * transaction lost (it is included or rejected with a receipt). Blocks come on a timer or on demand
 * (`manual`, for tests).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { blake2b } from '@noble/hashes/blake2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { applyBlock } from '../engine/chain/applyBlock.ts';
import type { Extrinsic } from '../engine/chain/extrinsics.ts';
import { canonicalEncoding, stateRoot } from '../engine/chain/stateRoot.ts';
import { yumaEpoch } from '../engine/epoch/index.ts';
import { createGenesis, type GenesisConfig } from '../engine/genesis/createGenesis.ts';
import { checkInvariants } from '../engine/invariants/checkInvariants.ts';
import type { ChainState } from '../engine/state/types.ts';
import type { Envelope, Hex } from '../sdk/tx/envelope.ts';
import { TransactionError } from '../sdk/tx/transactionError.ts';
import { verifyEnvelope } from '../sdk/tx/verifyEnvelope.ts';
import { toExtrinsic } from './calls/toExtrinsic.ts';
import { Mempool, type PendingTransaction } from './mempool.ts';
import type { BlockHeader, BlockStore, SubmissionOutcome } from './store/blockStore.ts';
import { openBlockStore } from './store/blockStore.ts';
import { recoverState } from './store/recoverState.ts';

/** The store's file name in the data folder. */
export const CHAIN_FILE = 'chain.sqlite';

/** Options of {@link LocalNode.open}. */
export interface LocalNodeOptions {
  readonly dataDir: string;
  readonly genesis: GenesisConfig;
  /** Discard the stored chain and start from the genesis. */
  readonly fresh?: boolean;
  /** Blocks between state snapshots (recovery replays at most this many). Default 100. */
  readonly snapshotEvery?: number;
  /** Transactions per block at most. Default 10,000. */
  readonly maxBlockTransactions?: number;
  /** Block time source (ms since the epoch); default the clock. */
  readonly now?: () => number;
}

/** What {@link LocalNode.submit} acknowledges: the submission's id, durable in the journal. */
export interface Acknowledged {
  readonly id: Hex;
}

/** A listener of new blocks. */
export type BlockListener = (header: BlockHeader) => void;

const hashHex = (text: string): Hex => `0x${bytesToHex(blake2b(utf8ToBytes(text), { dkLen: 32 }))}`;

/** The node. Open with {@link LocalNode.open}; close when done. */
export class LocalNode {
  readonly genesisHash: Hex;
  readonly mempool: Mempool;
  #state: ChainState;
  #head: BlockHeader;
  readonly #store: BlockStore<Envelope>;
  readonly #options: LocalNodeOptions;
  readonly #listeners = new Set<BlockListener>();

  private constructor(args: {
    options: LocalNodeOptions;
    store: BlockStore<Envelope>;
    state: ChainState;
    head: BlockHeader;
    genesisHash: Hex;
    mempool: Mempool;
  }) {
    this.#options = args.options;
    this.#store = args.store;
    this.#state = args.state;
    this.#head = args.head;
    this.genesisHash = args.genesisHash;
    this.mempool = args.mempool;
  }

  /**
   * Open the chain in `dataDir` (created from the genesis when empty or `fresh`), recover its last block
   * and re-admit the journalled submissions that are still pending.
   * @example const node = LocalNode.open({ dataDir: '.localnet', genesis: devGenesis() })
   */
  static open(options: LocalNodeOptions): LocalNode {
    const genesisState = createGenesis(options.genesis);
    const root = stateRoot(genesisState);
    const genesisHash = `0x${root}` as Hex;
    mkdirSync(options.dataDir, { recursive: true });
    const store = openBlockStore<Envelope>({
      path: join(options.dataDir, CHAIN_FILE),
      fresh: options.fresh === true,
      genesisRoot: root,
    });
    const recovered = recoverState({ store, genesis: genesisState, options: { epoch: yumaEpoch } });
    const mempool = new Mempool();
    for (const { envelope } of store.included()) mempool.noteIncluded(envelope.signer, envelope.nonce);
    const head: BlockHeader = recovered.lastBlock ?? {
      number: genesisState.block,
      hash: genesisHash,
      parent: genesisHash,
      stateRoot: root,
      time: 0,
    };
    const node = new LocalNode({ options, store, state: recovered.state, head, genesisHash, mempool });
    // Journalled before a crash: admitted again in arrival order (a gap or expiry is settled in the next block).
    for (const { id, envelope } of store.pending()) {
      const tx = { id, envelope };
      try {
        mempool.check(tx);
      } catch {
        // Kept in the journal: the next block rejects it with a receipt.
      }
      mempool.add(tx);
    }
    return node;
  }

  /** The last block. */
  get head(): BlockHeader {
    return this.#head;
  }

  /** The chain state after the last block. */
  get state(): ChainState {
    return this.#state;
  }

  /** The account's next nonce (included and pending transactions counted). */
  nextNonce(account: string): number {
    return this.mempool.nextNonce(account);
  }

  /**
   * Check an envelope (parsed JSON from anyone) for the next block, journal it, and acknowledge it once it
   * is durable. Throws a TransactionError (form, chain, era, signature, arguments) or a SubmissionError
   * (nonce, capacity, duplicate), each naming the field.
   */
  submit(input: unknown): Acknowledged {
    const checked = verifyEnvelope(input, { genesisHash: this.genesisHash, block: this.#head.number + 1 });
    if (!checked.ok) throw checked.error;
    const envelope = checked.value.envelope;
    toExtrinsic(envelope);
    const id = hashHex(canonicalEncoding(envelope));
    const tx: PendingTransaction = { id, envelope };
    this.mempool.check(tx);
    this.#store.journal({ id, envelope });
    this.mempool.add(tx);
    return { id };
  }

  /** What became of a submission (undefined: never journalled). */
  receipt(id: string): SubmissionOutcome | undefined {
    return this.#store.receiptOf(id);
  }

  /** A stored block by number. */
  block(number: number) {
    return this.#store.blockByNumber(number);
  }

  /** Call `listener` after each new block; returns the function that stops it. */
  onBlock(listener: BlockListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /**
   * Produce the next block from the pending transactions, commit it with the journal's outcomes in one
   * transaction, and tell the listeners. Throws if the engine breaks an invariant (nothing is committed).
   */
  produceBlock(): BlockHeader {
    const number = this.#head.number + 1;
    const taken = this.mempool.take(this.#options.maxBlockTransactions ?? 10_000);
    const included: PendingTransaction[] = [];
    const extrinsics: Extrinsic[] = [];
    const rejected: { id: string; receipt: { code: string; message: string; field?: string } }[] = [];
    const dropped = new Set<string>();
    for (const tx of taken) {
      if (dropped.has(tx.id)) continue;
      const checked = verifyEnvelope(tx.envelope, { genesisHash: this.genesisHash, block: number });
      let error: TransactionError | null = checked.ok ? null : checked.error;
      let extrinsic: Extrinsic | null = null;
      if (error === null) {
        try {
          extrinsic = toExtrinsic(tx.envelope);
        } catch (e) {
          error = e as TransactionError;
        }
      }
      if (error !== null || extrinsic === null) {
        const reason = error ?? new TransactionError('MALFORMED', 'call', 'not a call of the chain');
        rejected.push({
          id: tx.id,
          receipt: { code: reason.code, message: reason.message, field: reason.field },
        });
        // Its nonce was not used: the account's later transactions now follow a gap.
        for (const later of this.mempool.rewind(tx.envelope.signer, tx.envelope.nonce)) {
          dropped.add(later.id);
          rejected.push({
            id: later.id,
            receipt: {
              code: 'NONCE_GAP',
              message: `nonce ${later.envelope.nonce} follows ${tx.envelope.nonce}, which was not included`,
              field: 'nonce',
            },
          });
        }
        continue;
      }
      included.push(tx);
      extrinsics.push(extrinsic);
    }
    const result = applyBlock(this.#state, extrinsics, { epoch: yumaEpoch });
    const problems = checkInvariants(result.state);
    if (problems.length > 0)
      throw new Error(`block ${number} breaks the chain's invariants: ${problems.join('; ')}`);
    const root = stateRoot(result.state);
    const ids = included.map((t) => t.id);
    const time = (this.#options.now ?? Date.now)();
    const hash = hashHex(canonicalEncoding({ number, parent: this.#head.hash, stateRoot: root, time, ids }));
    const every = this.#options.snapshotEvery ?? 100;
    this.#store.commitBlock({
      number,
      hash,
      parent: this.#head.hash,
      stateRoot: root,
      time,
      extrinsics,
      receipts: result.receipts,
      events: result.events,
      ...(number % every === 0 ? { snapshot: result.state } : {}),
      includedIds: ids,
      rejected,
    });
    this.mempool.remove([...ids, ...rejected.map((r) => r.id)]);
    this.#state = result.state;
    this.#head = { number, hash, parent: this.#head.hash, stateRoot: root, time };
    for (const listener of this.#listeners) listener(this.#head);
    return this.#head;
  }

  /** Close the store. */
  close(): void {
    this.#listeners.clear();
    this.#store.close();
  }
}
