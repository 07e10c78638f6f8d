/**
 * Which subnet is dissolved when the subnet limit is reached, spec §9.4 (`coinbase/root.rs:
 * get_network_to_prune`).
 */
import type { U64F64 } from '../fixed/index.ts';

/** Runtime default `NetworkImmunityPeriod` (blocks); mainnet migrated it to 864_000. */
export const DEFAULT_NETWORK_IMMUNITY_PERIOD = 1_296_000;

/** One added non-root subnet as the pruning rule sees it. */
export interface NetworkPruneCandidate<K> {
  readonly netuid: K;
  /** `get_moving_alpha_price` (U64F64; 1.0 for a stable subnet). */
  readonly movingPrice: U64F64;
  /** `NetworkRegisteredAt`, block. */
  readonly registeredAt: number;
  /** Inside `NetworkImmunityPeriod` (see {@link isNetworkImmune}). */
  readonly immune: boolean;
}

/** Immune while block < registeredAt + immunityPeriod. */
export function isNetworkImmune(input: {
  readonly block: number;
  readonly registeredAt: number;
  readonly immunityPeriod: number;
}): boolean {
  return input.block < input.registeredAt + input.immunityPeriod;
}

/**
 * `get_network_to_prune`: among non-immune candidates (in `NetworksAdded` iteration order) the lowest moving
 * price, ties to the earliest registration, then to the first in order; null when every subnet is immune.
 */
export function networkToPrune<K>(candidates: readonly NetworkPruneCandidate<K>[]): K | null {
  let best: NetworkPruneCandidate<K> | null = null;
  for (const c of candidates) {
    if (c.immune) continue;
    if (
      best === null ||
      c.movingPrice < best.movingPrice ||
      (c.movingPrice === best.movingPrice && c.registeredAt < best.registeredAt)
    ) {
      best = c;
    }
  }
  return best === null ? null : best.netuid;
}
