/**
 * Subnet registration lock cost, spec §9.1 (`coinbase/root.rs: get_network_lock_cost,
 * get_lock_reduction_interval`).
 */
import { RAO_PER_TAO } from '../chainConstants.ts';
import { checkedDiv, fromInt, I64F64, mul, toU64, U64_MAX } from '../fixed/index.ts';

const satU64 = (x: bigint): bigint => (x > U64_MAX ? U64_MAX : x);

/**
 * `get_lock_reduction_interval`: floor(interval * (blockEmission / 1e9)) in I64F64 (the ratio truncated,
 * the product floored), so the interval halves with every TAO halving. Blocks.
 */
export function lockReductionInterval(input: {
  readonly reductionInterval: bigint;
  /** Current block emission in rao (`calculate_block_emission`). */
  readonly blockEmission: bigint;
}): bigint {
  const halving =
    checkedDiv(I64F64, fromInt(I64F64, input.blockEmission), fromInt(I64F64, RAO_PER_TAO)) ??
    fromInt(I64F64, 0n);
  return toU64(I64F64, mul(I64F64, fromInt(I64F64, input.reductionInterval), halving));
}

/** Inputs of {@link networkLockCost}. */
export interface LockCostInput {
  /** TAO locked by the previous subnet registration (`NetworkLastLockCost`), rao. */
  readonly lastLock: bigint;
  /** Block of the previous registration; 0 = never. */
  readonly lastLockBlock: number;
  /** Current block. */
  readonly block: number;
  /** `NetworkMinLockCost`, rao. */
  readonly minLock: bigint;
  /** `NetworkLockReductionInterval`, blocks. */
  readonly reductionInterval: bigint;
  /** Current block emission in rao. */
  readonly blockEmission: bigint;
}

/**
 * `get_network_lock_cost`: max(minLock, lastLock*mult − floor(lastLock/interval) * (block − lastLockBlock))
 * with mult = 1 when never registered else 2; u64 saturating arithmetic (a future lastLockBlock gives a
 * zero decay term; interval 0 gives a zero decay rate). Rao.
 * @example networkLockCost({ lastLock: 1_250_000_000_000n, lastLockBlock: 7, block: 7, minLock: 0n, reductionInterval: 2n, blockEmission: 1_000_000_000n }) // 2_500_000_000_000n
 */
export function networkLockCost(input: LockCostInput): bigint {
  const mult = input.lastLockBlock === 0 ? 1n : 2n;
  const interval = lockReductionInterval(input);
  const perBlock = interval === 0n ? 0n : input.lastLock / interval; // safe_div: 0 on a zero divisor
  const elapsed = BigInt(Math.max(0, input.block - input.lastLockBlock));
  const decay = satU64(perBlock * elapsed);
  const gross = satU64(input.lastLock * mult);
  const cost = gross > decay ? gross - decay : 0n;
  return cost < input.minLock ? input.minLock : cost;
}
