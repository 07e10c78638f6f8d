/**
 * The pending transactions, in arrival order, with each account's next nonce. An account's nonces are
 * consecutive: a submission must carry exactly the account's next nonce (its included transactions plus
 * those pending), so a block takes pending transactions in arrival order and never meets a gap.
 */
import type { MechanismChainExtrinsic } from '../engine/mechanisms/extrinsics.ts';
import type { Envelope } from '../sdk/tx/envelope.ts';
import { SubmissionError } from './submissionError.ts';

/** A pending transaction: its id (the envelope's hash), the envelope and, once read, its extrinsic. */
export interface PendingTransaction {
  readonly id: string;
  readonly envelope: Envelope;
  /** The engine call the envelope asks for (absent for one re-admitted from the journal). */
  readonly extrinsic?: MechanismChainExtrinsic;
}

/** The mempool's default capacity. */
export const DEFAULT_MEMPOOL_SIZE = 50_000;

/** Pending transactions and account nonces (the included ones come from the chain's history). */
export class Mempool {
  readonly #pending = new Map<string, PendingTransaction>();
  /** Next nonce per account, counting included and pending transactions. */
  readonly #next = new Map<string, number>();

  constructor(readonly capacity = DEFAULT_MEMPOOL_SIZE) {}

  /** The account's next nonce (0 for an account never seen). */
  nextNonce(account: string): number {
    return this.#next.get(account) ?? 0;
  }

  /** Count an included transaction's nonce (when replaying history). */
  noteIncluded(account: string, nonce: number): void {
    if (nonce + 1 > this.nextNonce(account)) this.#next.set(account, nonce + 1);
  }

  /** Throws the SubmissionError a transaction would meet, without adding it. */
  check(tx: PendingTransaction): void {
    if (this.#pending.has(tx.id))
      throw new SubmissionError('DUPLICATE', 'envelope', `${tx.id} is already pending`);
    const want = this.nextNonce(tx.envelope.signer);
    const nonce = tx.envelope.nonce;
    if (nonce < want)
      throw new SubmissionError('STALE_NONCE', 'nonce', `${nonce} was used; the next is ${want}`);
    if (nonce > want)
      throw new SubmissionError(
        'NONCE_GAP',
        'nonce',
        `${nonce} skips ${want}…${nonce - 1}; send ${want} first`,
      );
    if (this.#pending.size >= this.capacity)
      throw new SubmissionError(
        'MEMPOOL_FULL',
        'envelope',
        `${this.capacity} transactions are pending; retry later`,
      );
  }

  /** Add a checked transaction (see {@link check}). */
  add(tx: PendingTransaction): void {
    this.#pending.set(tx.id, tx);
    this.#next.set(tx.envelope.signer, tx.envelope.nonce + 1);
  }

  /** Up to `max` pending transactions, oldest first. */
  take(max: number): PendingTransaction[] {
    const out: PendingTransaction[] = [];
    for (const tx of this.#pending.values()) {
      if (out.length >= max) break;
      out.push(tx);
    }
    return out;
  }

  /** Drop transactions that a block included or rejected. */
  remove(ids: Iterable<string>): void {
    for (const id of ids) this.#pending.delete(id);
  }

  /**
   * A transaction of `account` left the chain's order without being included (it expired): its nonce is
   * free again, and the account's later pending transactions, now after a gap, are removed and returned.
   */
  rewind(account: string, nonce: number): PendingTransaction[] {
    const dropped: PendingTransaction[] = [];
    for (const tx of this.#pending.values())
      if (tx.envelope.signer === account && tx.envelope.nonce > nonce) dropped.push(tx);
    for (const tx of dropped) this.#pending.delete(tx.id);
    this.#next.set(account, nonce);
    return dropped;
  }

  /**
   * Take back transactions just added (in the order added) whose journalling failed: they leave the pool
   * and each account's next nonce returns to the first of them.
   */
  withdraw(txs: readonly PendingTransaction[]): void {
    const first = new Map<string, number>();
    for (const tx of txs) {
      this.#pending.delete(tx.id);
      if (!first.has(tx.envelope.signer)) first.set(tx.envelope.signer, tx.envelope.nonce);
    }
    for (const [account, nonce] of first) this.#next.set(account, nonce);
  }

  /** Pending transactions. */
  get size(): number {
    return this.#pending.size;
  }
}
