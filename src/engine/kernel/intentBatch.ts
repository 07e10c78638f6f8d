/**
 * A step's intents as typed columns, reused from step to step: the kernel's allocation-free input. The
 * frequent kinds (stake, unstake, buyback, owner mining) are stored in the columns; any other intent is kept
 * as its object at its position, so the order of application is the order of the calls. The batch also
 * holds the results the step writes (filled, proceeds, received), which its report points to until the
 * next step.
 */
import { HOLDER_CLASSES, type HolderClass, holderColumnOf, type KernelIntent } from './types.ts';

/** Kind codes of the columns (`OBJECT`: the intent is in `objects`). */
export const BATCH_OBJECT = 0;
export const BATCH_STAKE = 1;
export const BATCH_UNSTAKE = 2;
export const BATCH_BUYBACK = 3;
export const BATCH_OWNER_MINING = 4;

/** Intents of one step in columns; grows as needed. */
export class IntentBatch {
  /** Intents in the batch. */
  length = 0;
  kind: Uint8Array;
  slot: Int32Array;
  /** TAO (stake, buyback), alpha (unstake), the detected share (owner mining). */
  amount: Float64Array;
  /** The holder's column in `holdings` (HOLDER_INDEX), or the undetected share's index in `second`. */
  holder: Uint8Array;
  /** Owner mining's undetected share. */
  second: Float64Array;
  /** Intents of other kinds, at their positions. */
  objects: (KernelIntent | undefined)[] = [];
  /** Results of the last step: see `StepReport`. */
  filled: Float64Array;
  proceeds: Float64Array;
  received: Float64Array;

  constructor(capacity = 16) {
    const n = Math.max(1, capacity);
    this.kind = new Uint8Array(n);
    this.slot = new Int32Array(n);
    this.amount = new Float64Array(n);
    this.holder = new Uint8Array(n);
    this.second = new Float64Array(n);
    this.filled = new Float64Array(n);
    this.proceeds = new Float64Array(n);
    this.received = new Float64Array(n);
  }

  /** Empty the batch for the next step (the results of the last step are overwritten by it). */
  clear(): void {
    if (this.objects.length > 0) this.objects.length = 0;
    this.length = 0;
  }

  /** Buy alpha on `slot` with `tao` TAO for `holder`. */
  stake(slot: number, tao: number, holder: HolderClass): void {
    this.add(BATCH_STAKE, slot, tao, holderColumnOf(holder));
  }

  /** Sell `alpha` alpha of `holder` on `slot`. */
  unstake(slot: number, alpha: number, holder: HolderClass): void {
    this.add(BATCH_UNSTAKE, slot, alpha, holderColumnOf(holder));
  }

  /** The owner buys alpha with `tao` TAO and burns it. */
  buyback(slot: number, tao: number): void {
    this.add(BATCH_BUYBACK, slot, tao, 0);
  }

  /** This step's owner-mining shares of `slot`. */
  ownerMining(slot: number, detected: number, undetected: number): void {
    const k = this.add(BATCH_OWNER_MINING, slot, detected, 0);
    this.second[k] = undetected;
  }

  /** Any intent, in order with the others. */
  push(intent: KernelIntent): void {
    if (intent.kind === 'stake' && isHolder(intent.holder))
      this.stake(intent.slot, intent.tao, intent.holder);
    else if (intent.kind === 'unstake' && isHolder(intent.holder)) {
      this.unstake(intent.slot, intent.alpha, intent.holder);
    } else if (intent.kind === 'buyback') this.buyback(intent.slot, intent.tao);
    else if (intent.kind === 'ownerMining') this.ownerMining(intent.slot, intent.detected, intent.undetected);
    else this.objects[this.add(BATCH_OBJECT, 0, 0, 0)] = intent;
  }

  /** The intent at position `k` as an object (for reading, e.g. in tests and reports). */
  at(k: number): KernelIntent {
    const slot = this.slot[k]!;
    const amount = this.amount[k]!;
    switch (this.kind[k]) {
      case BATCH_STAKE:
        return { kind: 'stake', slot, tao: amount, holder: HOLDER_CLASSES[this.holder[k]!]! };
      case BATCH_UNSTAKE:
        return { kind: 'unstake', slot, alpha: amount, holder: HOLDER_CLASSES[this.holder[k]!]! };
      case BATCH_BUYBACK:
        return { kind: 'buyback', slot, tao: amount };
      case BATCH_OWNER_MINING:
        return { kind: 'ownerMining', slot, detected: amount, undetected: this.second[k]! };
      default:
        return this.objects[k]!;
    }
  }

  private add(kind: number, slot: number, amount: number, holder: number): number {
    if (this.length === this.kind.length) this.grow();
    const k = this.length++;
    this.kind[k] = kind;
    this.slot[k] = slot;
    this.amount[k] = amount;
    this.holder[k] = holder;
    return k;
  }

  private grow(): void {
    const n = this.kind.length * 2;
    const widen = <T extends Float64Array | Int32Array | Uint8Array>(a: T, make: (n: number) => T): T => {
      const b = make(n);
      b.set(a);
      return b;
    };
    this.kind = widen(this.kind, (m) => new Uint8Array(m));
    this.slot = widen(this.slot, (m) => new Int32Array(m));
    this.amount = widen(this.amount, (m) => new Float64Array(m));
    this.holder = widen(this.holder, (m) => new Uint8Array(m));
    this.second = widen(this.second, (m) => new Float64Array(m));
    this.filled = new Float64Array(n);
    this.proceeds = new Float64Array(n);
    this.received = new Float64Array(n);
  }
}

const isHolder = (holder: unknown): holder is HolderClass => holderColumnOf(holder) >= 0;
