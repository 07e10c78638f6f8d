/**
 * Swaps against a subnet pool (spec §5.2-§5.4, §5.6; `impls.rs: do_swap, swap_inner`,
 * `swap_step.rs: BasicSwapStep`, `stake_utils.rs: swap_tao_for_alpha, swap_alpha_for_tao`).
 *
 * Order of checks, as on chain: net input <= 1000 x input reserve (`SwapInputTooLarge`); output
 * reserve >= MinimumReserve (`ReservesTooLow`); lazy initialisation; current price strictly on the
 * right side of the limit (`PriceLimitExceeded`); fee, then the price after the full net input; if
 * that passes the limit, only the input reaching the limit is used and the fee is recomputed; a
 * non-zero input with a zero output is `ReservesTooLow`; an output above the reserve is
 * `InsufficientLiquidity`. A rejected swap leaves the pool unchanged (the chain rolls back).
 */
import { MINIMUM_RESERVE } from '../chainConstants.ts';
import { invariant, ok, type Result, reject } from '../errors.ts';
import type { U64F64 } from '../fixed/index.ts';
import { balancerPrice, baseDeltaIn, buyOutput, quoteDeltaIn, sellOutput } from './balancer.ts';
import { limitFee, swapFee } from './fees.ts';
import { initializePool } from './initializePool.ts';
import {
  isDynamic,
  type PoolState,
  saturatingAddU64,
  saturatingMulU64,
  saturatingSubU64,
} from './poolState.ts';
import { MAX_PRICE_RAO, MIN_PRICE_RAO, priceLimitFromRao, spotPrice } from './spotPrice.ts';

/** Net input may be at most this multiple of the input-side reserve. */
export const MAX_SWAP_INPUT_RESERVE_MULTIPLIER = 1_000n;

/** Chain error names a swap can be rejected with. */
export type SwapRejection =
  | 'SwapInputTooLarge'
  | 'ReservesTooLow'
  | 'PriceLimitExceeded'
  | 'InsufficientLiquidity';

/** Parameters shared by buys and sells. */
export interface SwapParams {
  readonly pool: PoolState;
  /** `FeeRate` (u16; the chain's default is 33, `DEFAULT_FEE_RATE`). */
  readonly feeRate: number;
  /** `SubnetMechanism`: 1 is the Balancer pool; anything else swaps 1:1 without fee. */
  readonly mechanism: number;
  /** U64F64 TAO per alpha; default max price (buy) or min price (sell). See `priceLimitFromRao`. */
  readonly limitPrice?: U64F64;
  /** Protocol swaps (chain buys, fee conversion, root claims) pay no fee. */
  readonly dropFees?: boolean;
  /** Output-side minimum reserve; default the runtime's {@link MINIMUM_RESERVE}. */
  readonly minimumReserve?: bigint;
  /** Dry run (`sim_swap`, max-amount probes): skips the final reserve check, like the chain. */
  readonly simulate?: boolean;
}

/** A buy: TAO in, alpha out. */
export interface SwapBuyInput extends SwapParams {
  /** Gross TAO paid in, rao (u64), fee included. */
  readonly taoIn: bigint;
}

/** A sell: alpha in, TAO out. */
export interface SwapSellInput extends SwapParams {
  /** Gross alpha paid in (u64), fee included. */
  readonly alphaIn: bigint;
}

/** Outcome of a swap; `pool` is the next state with the reserves moved as in spec §5.6. */
interface SwapOutcome {
  /** Fee taken from the input (goes to the block author; never enters the reserves). */
  readonly fee: bigint;
  /** Net input that entered the input reserve (less than gross minus fee when a limit bound). */
  readonly deltaIn: bigint;
  readonly pool: PoolState;
}

/** Outcome of {@link swapBuy}. */
export interface SwapBuyOutput extends SwapOutcome {
  /** Alpha paid out of the pool. */
  readonly alphaOut: bigint;
}

/** Outcome of {@link swapSell}. */
export interface SwapSellOutput extends SwapOutcome {
  /** TAO paid out of the pool, rao. */
  readonly taoOut: bigint;
}

/** Side-specific pieces of the swap step. */
interface Side {
  readonly inReserve: (p: PoolState) => bigint;
  readonly outReserve: (p: PoolState) => bigint;
  readonly output: (p: PoolState, deltaIn: bigint) => bigint;
  readonly priceAfter: (p: PoolState, deltaIn: bigint, out: bigint) => U64F64;
  /** `is_beyond_price_limit` and `price_is_closer`. */
  readonly beyondLimit: (current: U64F64, limit: U64F64) => boolean;
  readonly withinLimit: (target: U64F64, limit: U64F64) => boolean;
  readonly deltaToLimit: (p: PoolState, current: U64F64, limit: U64F64) => bigint;
  readonly settle: (p: PoolState, deltaIn: bigint, out: bigint) => PoolState;
}

const BUY: Side = {
  inReserve: (p) => p.taoReserve,
  outReserve: (p) => p.alphaReserve,
  output: buyOutput,
  priceAfter: (p, dy, dx) =>
    balancerPrice({
      wQuote: p.wQuote,
      alphaReserve: saturatingSubU64(p.alphaReserve, dx),
      taoReserve: saturatingAddU64(p.taoReserve, dy),
    }),
  beyondLimit: (current, limit) => current < limit,
  withinLimit: (target, limit) => target <= limit,
  deltaToLimit: (p, current, limit) =>
    quoteDeltaIn({ wQuote: p.wQuote, currentPrice: current, targetPrice: limit, reserve: p.taoReserve }),
  settle: (p, dy, dx) => ({
    ...p,
    taoReserve: saturatingAddU64(p.taoReserve, dy),
    alphaReserve: saturatingSubU64(p.alphaReserve, dx),
  }),
};

const SELL: Side = {
  inReserve: (p) => p.alphaReserve,
  outReserve: (p) => p.taoReserve,
  output: sellOutput,
  priceAfter: (p, dx, dy) =>
    balancerPrice({
      wQuote: p.wQuote,
      alphaReserve: saturatingAddU64(p.alphaReserve, dx),
      taoReserve: saturatingSubU64(p.taoReserve, dy),
    }),
  beyondLimit: (current, limit) => current > limit,
  withinLimit: (target, limit) => target >= limit,
  deltaToLimit: (p, current, limit) =>
    baseDeltaIn({ wQuote: p.wQuote, currentPrice: current, targetPrice: limit, reserve: p.alphaReserve }),
  settle: (p, dx, dy) => ({
    ...p,
    alphaReserve: saturatingAddU64(p.alphaReserve, dx),
    taoReserve: saturatingSubU64(p.taoReserve, dy),
  }),
};

interface StepResult {
  readonly out: bigint;
  readonly fee: bigint;
  readonly deltaIn: bigint;
  readonly pool: PoolState;
}

/** The optional flag passed on only when set (exactOptionalPropertyTypes). */
function dropFeesOf(params: SwapParams): { dropFees?: boolean } {
  return params.dropFees === undefined ? {} : { dropFees: params.dropFees };
}

/** One swap: the side's rules, the order's parameters, its gross amount and default limit. */
function runSwap(order: {
  readonly side: Side;
  readonly params: SwapParams;
  readonly amount: bigint;
  readonly defaultLimit: U64F64;
}): Result<StepResult, SwapRejection> {
  const { side, params, amount } = order;
  const { pool, feeRate, mechanism } = params;
  if (!isDynamic(mechanism)) {
    // Stable mechanism (`swap_tao_for_alpha` / `swap_alpha_for_tao` else-branch): 1:1, no fee, no limit.
    return ok({ out: amount, fee: 0n, deltaIn: amount, pool: side.settle(pool, amount, amount) });
  }
  const fee = swapFee({ amount, feeRate, mechanism, ...dropFeesOf(params) });
  const requested = saturatingSubU64(amount, fee);
  if (requested > saturatingMulU64(side.inReserve(pool), MAX_SWAP_INPUT_RESERVE_MULTIPLIER)) {
    return reject('SwapInputTooLarge', `net input ${requested} exceeds 1000 x the input reserve`, 'amount');
  }
  if (side.outReserve(pool) < (params.minimumReserve ?? MINIMUM_RESERVE)) {
    return reject('ReservesTooLow', `output reserve ${side.outReserve(pool)} is below the minimum reserve`);
  }
  const initialized = initializePool(pool);
  // Without an explicit price initialisation cannot fail: w_q = 0.5 is always valid.
  invariant(initialized.ok, 'POOL_INIT', 'initialisation without a price failed');
  const p = initialized.value;
  const limit = params.limitPrice ?? order.defaultLimit;
  const current = spotPrice(p, mechanism);
  if (!side.beyondLimit(current, limit)) {
    return reject(
      'PriceLimitExceeded',
      `current price ${current} is not beyond the limit ${limit}`,
      'limitPrice',
    );
  }
  const fullOut = side.output(p, requested);
  const target = side.priceAfter(p, requested, fullOut);
  let deltaIn = requested;
  let paidFee = fee;
  let out = fullOut;
  if (!side.withinLimit(target, limit)) {
    deltaIn = side.deltaToLimit(p, current, limit);
    paidFee = limitFee({ deltaIn, feeRate, ...dropFeesOf(params) });
    out = side.output(p, deltaIn);
  }
  if (deltaIn !== 0n && out === 0n) return reject('ReservesTooLow', 'the input buys nothing');
  if (params.simulate !== true && side.outReserve(p) < out) {
    return reject('InsufficientLiquidity', `output ${out} exceeds the reserve ${side.outReserve(p)}`);
  }
  return ok({ out, fee: paidFee, deltaIn, pool: side.settle(p, deltaIn, out) });
}

const DEFAULT_BUY_LIMIT = priceLimitFromRao(MAX_PRICE_RAO);
const DEFAULT_SELL_LIMIT = priceLimitFromRao(MIN_PRICE_RAO);

/**
 * Buy alpha with TAO (`GetAlphaForTao`): fee from the input, Balancer output floored, reserves moved
 * (`SubnetTAO += deltaIn`, `SubnetAlphaIn -= alphaOut`, saturating).
 * @example swapBuy({ pool, taoIn: 1_000_000_000n, feeRate: 33, mechanism: 1 })
 */
export function swapBuy(input: SwapBuyInput): Result<SwapBuyOutput, SwapRejection> {
  const r = runSwap({ side: BUY, params: input, amount: input.taoIn, defaultLimit: DEFAULT_BUY_LIMIT });
  if (!r.ok) return r;
  const { out, fee, deltaIn, pool } = r.value;
  return ok({ alphaOut: out, fee, deltaIn, pool });
}

/**
 * Sell alpha for TAO (`GetTaoForAlpha`): fee from the alpha input, Balancer output floored, reserves
 * moved (`SubnetAlphaIn += deltaIn`, `SubnetTAO -= taoOut`, saturating).
 * @example swapSell({ pool, alphaIn: 1_000_000_000n, feeRate: 33, mechanism: 1 })
 */
export function swapSell(input: SwapSellInput): Result<SwapSellOutput, SwapRejection> {
  const r = runSwap({ side: SELL, params: input, amount: input.alphaIn, defaultLimit: DEFAULT_SELL_LIMIT });
  if (!r.ok) return r;
  const { out, fee, deltaIn, pool } = r.value;
  return ok({ taoOut: out, fee, deltaIn, pool });
}
