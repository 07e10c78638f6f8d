/**
 * State of one subnet's pool (spec §5.1): the two reserves the subtensor pallet keeps
 * (`SubnetTAO`, `SubnetAlphaIn`) and the swap pallet's Balancer weight and init flag
 * (`SwapBalancer`, `PalSwapInitialized`).
 */
import { PERQUINTILL_HALF } from './perquintill.ts';

/** One subnet's pool. Transitions return a new value; nothing mutates. */
export interface PoolState {
  /** y: TAO reserve in rao (`SubnetTAO`, u64). */
  readonly taoReserve: bigint;
  /** x: alpha reserve in raw units (`SubnetAlphaIn`, u64). */
  readonly alphaReserve: bigint;
  /** w_q: quote (TAO) weight in Perquintill parts of 1e18; the alpha weight is 1e18 - w_q. */
  readonly wQuote: bigint;
  /** `PalSwapInitialized`: false until the first real swap sets w_q to 0.5. */
  readonly initialized: boolean;
}

/** `SubnetMechanism` of a dynamic (Balancer) subnet; every other value prices alpha at 1 TAO. */
export const DYNAMIC_MECHANISM = 1;
/** `SubnetMechanism` of root and stable subnets: 1:1 swaps, no fee. */
export const STABLE_MECHANISM = 0;

/** Whether a `SubnetMechanism` value uses the Balancer pool (only 1 does). */
export function isDynamic(mechanism: number): boolean {
  return mechanism === DYNAMIC_MECHANISM;
}

/**
 * A pool as a fresh subnet has it: the given reserves, the default weight 0.5, not initialised.
 * @example createPool({ taoReserve: 1_000_000_000n, alphaReserve: 4_000_000_000n })
 */
export function createPool(reserves: {
  readonly taoReserve: bigint;
  readonly alphaReserve: bigint;
}): PoolState {
  return {
    taoReserve: reserves.taoReserve,
    alphaReserve: reserves.alphaReserve,
    wQuote: PERQUINTILL_HALF,
    initialized: false,
  };
}

const U64_LIMIT = (1n << 64n) - 1n;

/** u64 `saturating_add`. */
export function saturatingAddU64(a: bigint, b: bigint): bigint {
  const s = a + b;
  return s > U64_LIMIT ? U64_LIMIT : s;
}

/** u64 `saturating_sub`. */
export function saturatingSubU64(a: bigint, b: bigint): bigint {
  return a > b ? a - b : 0n;
}

/** u64 `saturating_mul`. */
export function saturatingMulU64(a: bigint, b: bigint): bigint {
  const p = a * b;
  return p > U64_LIMIT ? U64_LIMIT : p;
}

/**
 * Add protocol liquidity to the reserves (`SubnetTAO += tao`, `SubnetAlphaIn += alpha`, saturating).
 * The weight is updated separately by `adjustProtocolLiquidity`, before the chain buy (spec §4.7).
 */
export function addReserves(input: {
  readonly pool: PoolState;
  readonly tao: bigint;
  readonly alpha: bigint;
}): PoolState {
  const { pool } = input;
  return {
    ...pool,
    taoReserve: saturatingAddU64(pool.taoReserve, input.tao),
    alphaReserve: saturatingAddU64(pool.alphaReserve, input.alpha),
  };
}
