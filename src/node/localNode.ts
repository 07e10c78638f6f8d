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
import { canonicalEncoding, stateRoot } from '../engine/chain/stateRoot.ts';
import type { Rejection } from '../engine/errors.ts';
import { createGenesis, type GenesisConfig } from '../engine/genesis/createGenesis.ts';
import { checkInvariants } from '../engine/invariants/checkInvariants.ts';
import type { MechanismChainExtrinsic } from '../engine/mechanisms/extrinsics.ts';
import type { ChainState } from '../engine/state/types.ts';
import { toExtrinsic } from '../sdk/calls/toExtrinsic.ts';
import { CHAIN_BLOCK_OPTIONS } from '../sdk/chain/chainBlockOptions.ts';
import type { Envelope, Hex } from '../sdk/tx/envelope.ts';
import { TransactionError } from '../sdk/tx/transactionError.ts';
import { checkChainWindow } from '../sdk/tx/verifyEnvelope.ts';
import {
  type CheckedSubmission,
  checkSubmission,
  refusalError,
  type SubmissionCheck,
} from './admission/checkSubmission.ts';
import { type EnvelopeVerifier, inlineVerifier } from './admission/envelopeVerifier.ts';
import { Mempool, type PendingTransaction } from './mempool.ts';
import type { BlockHeader, BlockStore, SubmissionOutcome } from './store/blockStore.ts';
import { openBlockStore } from './store/blockStore.ts';
import { recoverState } from './store/recoverState.ts';
import { SubmissionError } from './submissionError.ts';

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
  /**
   * Where batches of submissions ({@link LocalNode.submitMany}, {@link LocalNode.submitAsync}) are
   * checked; default this thread. The caller closes it after the node.
   */
  readonly verifier?: EnvelopeVerifier;
}

/** What {@link LocalNode.submit} acknowledges: the submission's id, durable in the journal. */
export interface Acknowledged {
  readonly id: Hex;
}

/** One submission of a batch: acknowledged (durable) or refused with its typed error. */
export type SubmitOutcome =
  | { readonly ok: true; readonly id: Hex }
  | { readonly ok: false; readonly error: TransactionError | SubmissionError };

/** What a block did with the submissions it settled. */
export interface BlockSettlement {
  /** Included, in block order. */
  readonly included: readonly string[];
  /** Refused at inclusion (expired, or after a gap left by one that was), with their receipts. */
  readonly rejected: readonly { readonly id: string; readonly receipt: Rejection }[];
}

/**
 * Where the node's time went since it opened, in milliseconds of wall time: checking batches of
 * submissions (on the verifier, so partly on other threads), journalling them, and for blocks the engine,
 * the invariant check, the state root and the database commit.
 */
export interface NodeTimings {
  check: number;
  journal: number;
  engine: number;
  invariants: number;
  stateRoot: number;
  commit: number;
}

/** A listener of new blocks. */
export type BlockListener = (header: BlockHeader, settled: BlockSettlement) => void;

const hashHex = (text: string): Hex => `0x${bytesToHex(blake2b(utf8ToBytes(text), { dkLen: 32 }))}`;

/** A submission waiting for the next batch of {@link LocalNode.submitAsync}. */
interface Queued {
  readonly input: unknown;
  readonly resolve: (ack: Acknowledged) => void;
  readonly reject: (error: unknown) => void;
}

/** The node. Open with {@link LocalNode.open}; close when done. */
export class LocalNode {
  readonly genesisHash: Hex;
  readonly mempool: Mempool;
  #state: ChainState;
  #head: BlockHeader;
  readonly #store: BlockStore<Envelope>;
  readonly #options: LocalNodeOptions;
  readonly #listeners = new Set<BlockListener>();
  readonly #verifier: EnvelopeVerifier;
  /** Batches are admitted one after another, in the order submitted. */
  #admission: Promise<unknown> = Promise.resolve();
  #queued: Queued[] = [];
  /** See {@link NodeTimings}. */
  readonly timings: NodeTimings = { check: 0, journal: 0, engine: 0, invariants: 0, stateRoot: 0, commit: 0 };

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
    this.#verifier = args.options.verifier ?? inlineVerifier;
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
    const recovered = recoverState({ store, genesis: genesisState, options: CHAIN_BLOCK_OPTIONS });
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
   * is durable, all in this thread. Throws a TransactionError (form, chain, era, signature, arguments) or
   * a SubmissionError (nonce, capacity, duplicate), each naming the field. Each call syncs the disk once:
   * for many submissions {@link submitMany} or {@link submitAsync} share one sync.
   */
  submit(input: unknown): Acknowledged {
    const checked = checkSubmission(input, this.#nextChain());
    if (!checked.ok) throw refusalError(checked);
    const tx = this.#admit(checked);
    try {
      this.#store.journal({ id: tx.id, envelope: tx.envelope });
    } catch (error) {
      this.mempool.withdraw([tx]);
      throw error;
    }
    return { id: checked.id };
  }

  /**
   * Check a batch on the node's verifier, then admit it in order (an account's nonces may follow one
   * another within the batch) and journal what was admitted in one transaction: each accepted
   * submission is durable when the promise resolves. Batches are admitted in the order of the calls.
   * Rejects only when the store fails (then nothing of the batch was admitted).
   * @example const outcomes = await node.submitMany(envelopes) // [{ ok: true, id }, { ok: false, error }]
   */
  submitMany(inputs: readonly unknown[]): Promise<SubmitOutcome[]> {
    const began = performance.now();
    const checking = this.#verifier.check(inputs, this.#nextChain()).then((checks) => {
      this.timings.check += performance.now() - began;
      return checks;
    });
    const admitted = this.#admission.then(async () => this.#admitBatch(await checking));
    this.#admission = admitted.catch(() => {});
    return admitted;
  }

  /**
   * Submit one envelope with the others that arrive in the same turn of the event loop: they are
   * checked and journalled as one batch ({@link submitMany}). Resolves once durable; rejects with the
   * same typed errors as {@link submit}.
   */
  submitAsync(input: unknown): Promise<Acknowledged> {
    return new Promise((resolve, reject) => {
      this.#queued.push({ input, resolve, reject });
      if (this.#queued.length === 1) setImmediate(() => this.#flush());
    });
  }

  #flush(): void {
    const batch = this.#queued;
    this.#queued = [];
    this.submitMany(batch.map((q) => q.input)).then(
      (outcomes) =>
        outcomes.forEach((o, i) => {
          if (o.ok) batch[i]!.resolve({ id: o.id });
          else batch[i]!.reject(o.error);
        }),
      (error: unknown) => {
        for (const q of batch) q.reject(error);
      },
    );
  }

  /** The chain a submission made now is checked against: this node's, at the next block. */
  #nextChain() {
    return { genesisHash: this.genesisHash, block: this.#head.number + 1 };
  }

  /** Check the nonce and capacity and add to the mempool; throws a SubmissionError. */
  #admit(checked: CheckedSubmission): PendingTransaction {
    const tx: PendingTransaction = {
      id: checked.id,
      envelope: checked.envelope,
      extrinsic: checked.extrinsic,
    };
    this.mempool.check(tx);
    this.mempool.add(tx);
    return tx;
  }

  #admitBatch(checks: readonly SubmissionCheck[]): SubmitOutcome[] {
    const outcomes: SubmitOutcome[] = [];
    const admitted: PendingTransaction[] = [];
    for (const checked of checks) {
      if (!checked.ok) {
        outcomes.push({ ok: false, error: refusalError(checked) });
        continue;
      }
      try {
        admitted.push(this.#admit(checked));
        outcomes.push({ ok: true, id: checked.id });
      } catch (error) {
        if (!(error instanceof SubmissionError)) throw error;
        outcomes.push({ ok: false, error });
      }
    }
    if (admitted.length > 0) {
      const began = performance.now();
      try {
        this.#store.journalMany(admitted.map((tx) => ({ id: tx.id, envelope: tx.envelope })));
        this.timings.journal += performance.now() - began;
      } catch (error) {
        this.mempool.withdraw(admitted);
        throw error;
      }
    }
    return outcomes;
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
    const extrinsics: MechanismChainExtrinsic[] = [];
    const rejected: { id: string; receipt: Rejection }[] = [];
    const dropped = new Set<string>();
    for (const tx of taken) {
      if (dropped.has(tx.id)) continue;
      // The signature was checked before the envelope was journalled; its window may have passed since.
      let error = checkChainWindow(tx.envelope, { genesisHash: this.genesisHash, block: number });
      let extrinsic: MechanismChainExtrinsic | null = null;
      if (error === null) {
        try {
          extrinsic = tx.extrinsic ?? toExtrinsic(tx.envelope);
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
    let began = performance.now();
    const lap = (phase: keyof NodeTimings) => {
      const now = performance.now();
      this.timings[phase] += now - began;
      began = now;
    };
    const result = applyBlock(this.#state, extrinsics, CHAIN_BLOCK_OPTIONS);
    lap('engine');
    const problems = checkInvariants(result.state, CHAIN_BLOCK_OPTIONS.addOn);
    lap('invariants');
    if (problems.length > 0)
      throw new Error(`block ${number} breaks the chain's invariants: ${problems.join('; ')}`);
    const root = stateRoot(result.state);
    lap('stateRoot');
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
    lap('commit');
    this.mempool.remove([...ids, ...rejected.map((r) => r.id)]);
    this.#state = result.state;
    this.#head = { number, hash, parent: this.#head.hash, stateRoot: root, time };
    const settled: BlockSettlement = { included: ids, rejected };
    for (const listener of this.#listeners) listener(this.#head, settled);
    return this.#head;
  }

  /** Close the store. */
  close(): void {
    this.#listeners.clear();
    this.#store.close();
  }
}
