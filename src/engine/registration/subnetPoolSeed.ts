/**
 * Initial pool of a newly registered subnet, spec §9.2 step 5 (`subnets/subnet.rs: do_register_network`).
 */
import { fromInt, safeDiv, toU64, U64F64 } from '../fixed/index.ts';

/** Reserves a new subnet starts with (rao / raw alpha). */
export interface SubnetPoolSeed {
  /** `SubnetTAO`: max(lock paid, NetworkMinLockCost). */
  readonly taoReserve: bigint;
  /** `SubnetAlphaIn`: floor(taoReserve / medianPrice), 0 if that U64F64 quotient overflows. */
  readonly alphaReserve: bigint;
  /** Lock TAO above the reserve, recycled (0 since the whole lock stays in the pool). */
  readonly recycled: bigint;
}

/**
 * Seed amounts of a new pool: the whole lock becomes the TAO reserve (at least the minimum lock) and the
 * alpha reserve is sized at the median price (U64F64 safe_div, truncating, then floored to u64).
 * @example subnetPoolSeed({ lockPaid: 100_000_000_000n, minLock: 100_000_000_000n, medianPrice: U64F64.one })
 */
export function subnetPoolSeed(input: {
  /** TAO actually moved from the registrant to the subnet account, rao. */
  readonly lockPaid: bigint;
  /** `NetworkMinLockCost`, rao. */
  readonly minLock: bigint;
  /** Median subnet price snapshot (U64F64), see `medianSubnetPrice`. */
  readonly medianPrice: U64F64;
}): SubnetPoolSeed {
  const taoReserve = input.lockPaid >= input.minLock ? input.lockPaid : input.minLock;
  const alpha = safeDiv(U64F64, fromInt(U64F64, taoReserve), input.medianPrice);
  return {
    taoReserve,
    alphaReserve: toU64(U64F64, alpha),
    recycled: input.lockPaid > taoReserve ? input.lockPaid - taoReserve : 0n,
  };
}
