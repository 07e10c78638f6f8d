/**
 * Reused intent objects for the agents. A step's intents are read only within the step (by the kernel
 * and by the wallets' settlement), so once the caller has emptied its list for the next step, the
 * objects handed out before are free again: the daily loop then allocates no intents.
 */
import type { HolderClass, KernelIntent } from '../../../engine/kernel/types.ts';

interface Unstake {
  kind: 'unstake';
  slot: number;
  alpha: number;
  holder: HolderClass;
}

interface Stake {
  kind: 'stake';
  slot: number;
  tao: number;
  holder: HolderClass;
}

interface Buyback {
  kind: 'buyback';
  slot: number;
  tao: number;
}

interface OwnerMining {
  kind: 'ownerMining';
  slot: number;
  detected: number;
  undetected: number;
}

/** Intent objects of one future, recycled step by step. */
export class IntentPool {
  private readonly unstakes: Unstake[] = [];
  private readonly stakes: Stake[] = [];
  private readonly buybacks: Buyback[] = [];
  private readonly ownerMinings: OwnerMining[] = [];
  private usedUnstakes = 0;
  private usedStakes = 0;
  private usedBuybacks = 0;
  private usedOwnerMinings = 0;

  /** Start a step: the caller no longer holds any intent handed out before. */
  reset(): void {
    this.usedUnstakes = 0;
    this.usedStakes = 0;
    this.usedBuybacks = 0;
    this.usedOwnerMinings = 0;
  }

  /** Append `{ kind: 'unstake', slot, alpha, holder }` to `intents`. */
  unstake(intents: KernelIntent[], slot: number, alpha: number, holder: HolderClass): void {
    let it = this.unstakes[this.usedUnstakes];
    if (it === undefined) {
      it = { kind: 'unstake', slot, alpha, holder };
      this.unstakes.push(it);
    } else {
      it.slot = slot;
      it.alpha = alpha;
      it.holder = holder;
    }
    this.usedUnstakes += 1;
    intents.push(it);
  }

  /** Append `{ kind: 'stake', slot, tao, holder }` to `intents`. */
  stake(intents: KernelIntent[], slot: number, tao: number, holder: HolderClass): void {
    let it = this.stakes[this.usedStakes];
    if (it === undefined) {
      it = { kind: 'stake', slot, tao, holder };
      this.stakes.push(it);
    } else {
      it.slot = slot;
      it.tao = tao;
      it.holder = holder;
    }
    this.usedStakes += 1;
    intents.push(it);
  }

  /** Append `{ kind: 'buyback', slot, tao }` to `intents`. */
  buyback(intents: KernelIntent[], slot: number, tao: number): void {
    let it = this.buybacks[this.usedBuybacks];
    if (it === undefined) {
      it = { kind: 'buyback', slot, tao };
      this.buybacks.push(it);
    } else {
      it.slot = slot;
      it.tao = tao;
    }
    this.usedBuybacks += 1;
    intents.push(it);
  }

  /** Append `{ kind: 'ownerMining', slot, detected, undetected }` to `intents`. */
  ownerMining(intents: KernelIntent[], slot: number, detected: number, undetected: number): void {
    let it = this.ownerMinings[this.usedOwnerMinings];
    if (it === undefined) {
      it = { kind: 'ownerMining', slot, detected, undetected };
      this.ownerMinings.push(it);
    } else {
      it.slot = slot;
      it.detected = detected;
      it.undetected = undetected;
    }
    this.usedOwnerMinings += 1;
    intents.push(it);
  }
}
