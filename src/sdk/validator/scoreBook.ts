/**
 * A validator's running score of each miner: an exponential moving average of the round scores, kept by
 * hotkey (a UID taken over by a new hotkey starts from zero, as bittensor's validators reset a replaced
 * UID). `alpha` is the weight of the newest round (bittensor's `moving_average_alpha`, 0.1 by default).
 */

/** Default weight of the newest round in the average. */
export const DEFAULT_SCORE_ALPHA = 0.1;

export class ScoreBook {
  readonly #alpha: number;
  readonly #scores = new Map<string, number>();

  constructor(alpha = DEFAULT_SCORE_ALPHA) {
    if (!(alpha > 0 && alpha <= 1)) throw new RangeError(`alpha: ${alpha}; give a weight in (0, 1]`);
    this.#alpha = alpha;
  }

  /** Fold a round's score (0..1; anything else counts as 0) into `hotkey`'s average; returns the new average. */
  update(hotkey: string, score: number): number {
    const s = Number.isFinite(score) ? Math.min(1, Math.max(0, score)) : 0;
    const next = this.#alpha * s + (1 - this.#alpha) * (this.#scores.get(hotkey) ?? 0);
    this.#scores.set(hotkey, next);
    return next;
  }

  /** `hotkey`'s average (0 when never scored). */
  get(hotkey: string): number {
    return this.#scores.get(hotkey) ?? 0;
  }

  /** Forget hotkeys no longer on the subnet, so the book stays as large as the subnet. */
  keepOnly(hotkeys: readonly string[]): void {
    const keep = new Set(hotkeys);
    for (const h of this.#scores.keys()) if (!keep.has(h)) this.#scores.delete(h);
  }
}
