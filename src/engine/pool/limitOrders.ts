/**
 * Limit orders (spec §5.4; `add_stake.rs: get_max_amount_add, do_add_stake_limit`,
 * `remove_stake.rs: get_max_amount_remove, do_remove_stake_limit`, `stake_utils.rs: validate_*`).
 *
 * The largest order that stays within a limit price is found by simulating a swap of 1000 x the
 * input reserve (the largest accepted input) with that limit: the limit cuts it to the amount that
 * reaches the limit price, and that amount plus its fee is the maximum. Staking-level checks
 * (minimum stake, balances, `InsufficientLiquidity` for inputs above 1000 x the reserve) belong to
 * the staking layer, not here.
 */
import { RAO_PER_TAO } from '../chainConstants.ts';
import { ok, type Result, reject } from '../errors.ts';
import { U64_MAX } from '../fixed/index.ts';
import { isDynamic, type PoolState, saturatingAddU64, saturatingMulU64 } from './poolState.ts';
import { priceLimitFromRao } from './spotPrice.ts';
import {
  MAX_SWAP_INPUT_RESERVE_MULTIPLIER,
  type SwapBuyOutput,
  type SwapRejection,
  type SwapSellOutput,
  swapBuy,
  swapSell,
} from './swap.ts';

/** Inputs of the max-amount queries. */
export interface LimitQuery {
  readonly pool: PoolState;
  /** Limit price in rao per alpha (u64). */
  readonly limitPriceRao: bigint;
  /** `FeeRate` (u16). */
  readonly feeRate: number;
  /** `SubnetMechanism` (root is stable). */
  readonly mechanism: number;
  /** Output-side minimum reserve; default the runtime's `MINIMUM_RESERVE`. */
  readonly minimumReserve?: bigint;
}

/** Rejections of limit orders: the swap's, plus `SlippageTooHigh` for fill-or-kill orders. */
export type LimitOrderRejection = SwapRejection | 'SlippageTooHigh';

/**
 * `get_max_amount_add`: the most TAO (gross, fee included) a buy can spend before the price reaches
 * `limitPriceRao`. Stable subnets: u64::MAX if the limit is at least 1 TAO, else 0.
 */
export function maxTaoForLimitPrice(query: LimitQuery): Result<bigint, SwapRejection> {
  // A stable subnet's price is exactly one TAO per alpha.
  if (!isDynamic(query.mechanism)) return ok(query.limitPriceRao >= RAO_PER_TAO ? U64_MAX : 0n);
  const r = swapBuy({
    ...optionalReserve(query),
    pool: query.pool,
    taoIn: saturatingMulU64(query.pool.taoReserve, MAX_SWAP_INPUT_RESERVE_MULTIPLIER),
    feeRate: query.feeRate,
    mechanism: query.mechanism,
    limitPrice: priceLimitFromRao(query.limitPriceRao),
    simulate: true,
  });
  return r.ok ? ok(saturatingAddU64(r.value.deltaIn, r.value.fee)) : r;
}

/**
 * `get_max_amount_remove`: the most alpha (gross, fee included) a sell can spend before the price
 * falls to `limitPriceRao`. Stable subnets: u64::MAX if the limit is at most 1 TAO, else 0.
 */
export function maxAlphaForLimitPrice(query: LimitQuery): Result<bigint, SwapRejection> {
  if (!isDynamic(query.mechanism)) return ok(query.limitPriceRao <= RAO_PER_TAO ? U64_MAX : 0n);
  const r = swapSell({
    ...optionalReserve(query),
    pool: query.pool,
    alphaIn: saturatingMulU64(query.pool.alphaReserve, MAX_SWAP_INPUT_RESERVE_MULTIPLIER),
    feeRate: query.feeRate,
    mechanism: query.mechanism,
    limitPrice: priceLimitFromRao(query.limitPriceRao),
    simulate: true,
  });
  return r.ok ? ok(saturatingAddU64(r.value.deltaIn, r.value.fee)) : r;
}

function optionalReserve(query: LimitQuery): { minimumReserve?: bigint } {
  return query.minimumReserve === undefined ? {} : { minimumReserve: query.minimumReserve };
}

/** A limit buy: `allowPartial` false is fill-or-kill. */
export interface LimitBuyInput extends LimitQuery {
  /** Gross TAO offered, rao. */
  readonly taoIn: bigint;
  readonly allowPartial: boolean;
}

/** A limit sell: `allowPartial` false is fill-or-kill. */
export interface LimitSellInput extends LimitQuery {
  /** Gross alpha offered. */
  readonly alphaIn: bigint;
  readonly allowPartial: boolean;
}

/**
 * `add_stake_limit` at the pool: the order is cut to {@link maxTaoForLimitPrice} (or rejected with
 * `SlippageTooHigh` when partial fills are not allowed), then bought with the limit price and fees.
 * `maxAmount` is the cap that applied.
 */
export function buyWithLimit(
  input: LimitBuyInput,
): Result<SwapBuyOutput & { readonly maxAmount: bigint }, LimitOrderRejection> {
  const max = maxTaoForLimitPrice(input);
  if (!max.ok) return max;
  if (!input.allowPartial && input.taoIn > max.value) {
    return reject('SlippageTooHigh', `order ${input.taoIn} exceeds ${max.value} at the limit price`, 'taoIn');
  }
  const r = swapBuy({
    ...optionalReserve(input),
    pool: input.pool,
    taoIn: input.taoIn < max.value ? input.taoIn : max.value,
    feeRate: input.feeRate,
    mechanism: input.mechanism,
    limitPrice: priceLimitFromRao(input.limitPriceRao),
  });
  return r.ok ? ok({ ...r.value, maxAmount: max.value }) : r;
}

/**
 * `remove_stake_limit` at the pool: the order is cut to {@link maxAlphaForLimitPrice} (or rejected
 * with `SlippageTooHigh` when partial fills are not allowed), then sold with the limit price and fees.
 */
export function sellWithLimit(
  input: LimitSellInput,
): Result<SwapSellOutput & { readonly maxAmount: bigint }, LimitOrderRejection> {
  const max = maxAlphaForLimitPrice(input);
  if (!max.ok) return max;
  if (!input.allowPartial && input.alphaIn > max.value) {
    return reject(
      'SlippageTooHigh',
      `order ${input.alphaIn} exceeds ${max.value} at the limit price`,
      'alphaIn',
    );
  }
  const r = swapSell({
    ...optionalReserve(input),
    pool: input.pool,
    alphaIn: input.alphaIn < max.value ? input.alphaIn : max.value,
    feeRate: input.feeRate,
    mechanism: input.mechanism,
    limitPrice: priceLimitFromRao(input.limitPriceRao),
  });
  return r.ok ? ok({ ...r.value, maxAmount: max.value }) : r;
}
