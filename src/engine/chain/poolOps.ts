/**
 * Swaps and liquidity injection applied to a subnet on the draft, with the subtensor pallet's
 * bookkeeping around the pool (spec §5.3, §5.6): AlphaIn/AlphaOut/SubnetTAO move together, and the fee
 * goes to the block author (TAO), or is burned when there is no author, or (registration) stays in
 * the subnet account.
 */
import { ok, type Rejection, type Result } from '../errors.ts';
import { fromInt, mul, toU64, U64F64 } from '../fixed/index.ts';
import { weightForAddedLiquidity } from '../pool/balancer.ts';
import type { PoolRejectionCode } from '../pool/poolRejectionCodes.ts';
import type { PoolState } from '../pool/poolState.ts';
import { spotPrice as poolSpotPrice, priceLimitFromRao } from '../pool/spotPrice.ts';
import { swapBuy, swapSell } from '../pool/swap.ts';
import type { Draft } from '../state/draft.ts';
import type { SubnetState } from '../state/types.ts';
import type { NetUid } from '../types.ts';
import type { ChainRejectionCode } from './chainRejectionCodes.ts';
import { type ChainRejection, rejection } from './context.ts';

/** Order options: a limit price in rao per alpha (null = none) and whether a partial fill is fine. */
export interface OrderOptions {
  readonly limitPrice: bigint | null;
  readonly allowPartial: boolean;
  /** Protocol swaps pay no fee. */
  readonly dropFees?: boolean;
  /** Registration: the fee stays in the subnet account (spec §8.2). */
  readonly feeToSubnet?: boolean;
}

/** A subnet's pool as the swap functions take it. */
export function poolOf(s: SubnetState): PoolState {
  return {
    taoReserve: s.taoReserve,
    alphaReserve: s.alphaIn,
    wQuote: s.wQuote,
    initialized: s.swapInitialized,
  };
}

/** Spot price of a subnet's pool (U64F64; 1 for stable subnets). */
export function spotPrice(s: SubnetState): U64F64 {
  return poolSpotPrice(poolOf(s), s.mechanism);
}

/** TAO value of an amount of alpha at the spot price, floored. */
export function alphaValueInTao(s: SubnetState, alpha: bigint): bigint {
  return toU64(U64F64, mul(U64F64, fromInt(U64F64, alpha), spotPrice(s)));
}

/** Write a swap's next pool back into the subnet record. */
function storePool(draft: Draft, id: NetUid, pool: PoolState) {
  const w = draft.write(id);
  w.taoReserve = pool.taoReserve;
  w.alphaIn = pool.alphaReserve;
  w.wQuote = pool.wQuote;
  w.swapInitialized = pool.initialized;
  return w;
}

function swapRejection(error: Rejection<PoolRejectionCode>, field: string): ChainRejection {
  return rejection(error.code, field, error.message);
}

function payFee(draft: Draft, id: NetUid, fee: bigint, toSubnet: boolean): void {
  if (fee === 0n) return;
  if (toSubnet) draft.write(id).accountTao += fee;
  else if (draft.author !== null) draft.credit(draft.author, fee);
  else draft.burnedTao += fee;
}

/**
 * Buy alpha with `taoIn` rao (gross, fee included). Updates the reserves and AlphaOut; the caller
 * debits the payer by `taoUsed` and credits the alpha somewhere.
 */
export function buyAlpha(
  draft: Draft,
  id: NetUid,
  taoIn: bigint,
  opts: OrderOptions,
): Result<{ alphaOut: bigint; taoUsed: bigint; fee: bigint }, ChainRejectionCode> {
  const s = draft.read(id);
  const r = swapBuy({
    pool: poolOf(s),
    taoIn,
    feeRate: s.feeRate,
    mechanism: s.mechanism,
    minimumReserve: draft.params.minimumReserve,
    ...(opts.limitPrice === null ? {} : { limitPrice: priceLimitFromRao(opts.limitPrice) }),
    ...(opts.dropFees === true ? { dropFees: true } : {}),
  });
  if (!r.ok) return { ok: false, error: swapRejection(r.error, 'amount') };
  const { alphaOut, fee, deltaIn, pool } = r.value;
  const taoUsed = deltaIn + fee;
  if (taoUsed < taoIn && !opts.allowPartial) {
    return {
      ok: false,
      error: rejection('SlippageTooHigh', 'limitPrice', 'the limit price fills only part of the order'),
    };
  }
  const w = storePool(draft, id, pool);
  w.alphaOut += alphaOut;
  draft.totalStake += deltaIn;
  payFee(draft, id, fee, opts.feeToSubnet === true);
  return ok({ alphaOut, taoUsed, fee });
}

/**
 * Sell `alphaIn` alpha (gross, fee included). Updates the reserves and AlphaOut; the alpha fee is sold
 * fee-free for the author or burned. The caller debits the seller by `alphaUsed` and credits `taoOut`.
 */
export function sellAlpha(
  draft: Draft,
  id: NetUid,
  alphaIn: bigint,
  opts: OrderOptions,
): Result<{ taoOut: bigint; alphaUsed: bigint; fee: bigint }, ChainRejectionCode> {
  const s = draft.read(id);
  const r = swapSell({
    pool: poolOf(s),
    alphaIn,
    feeRate: s.feeRate,
    mechanism: s.mechanism,
    minimumReserve: draft.params.minimumReserve,
    ...(opts.limitPrice === null ? {} : { limitPrice: priceLimitFromRao(opts.limitPrice) }),
    ...(opts.dropFees === true ? { dropFees: true } : {}),
  });
  if (!r.ok) return { ok: false, error: swapRejection(r.error, 'amount') };
  const { taoOut, fee, deltaIn, pool } = r.value;
  const alphaUsed = deltaIn + fee;
  if (alphaUsed < alphaIn && !opts.allowPartial) {
    return {
      ok: false,
      error: rejection('SlippageTooHigh', 'limitPrice', 'the limit price fills only part of the order'),
    };
  }
  const w = storePool(draft, id, pool);
  w.alphaOut -= deltaIn;
  draft.totalStake -= taoOut;
  if (fee > 0n) {
    const author = draft.author;
    const converted =
      author === null
        ? null
        : swapSell({ pool, alphaIn: fee, feeRate: 0, mechanism: s.mechanism, dropFees: true });
    if (author !== null && converted?.ok === true) {
      const after = converted.value;
      w.taoReserve = after.pool.taoReserve;
      w.alphaIn = after.pool.alphaReserve;
      w.alphaOut -= after.deltaIn;
      w.burnedAlpha += fee - after.deltaIn;
      draft.credit(author, after.taoOut);
      draft.totalStake -= after.taoOut;
    } else {
      w.burnedAlpha += fee; // no author (or the pool cannot take it): `burn_subnet_alpha`
    }
  }
  return ok({ taoOut, alphaUsed, fee });
}

/**
 * Protocol liquidity injection's weight update (spec §5.5): keeps the price for the amounts about to
 * be added. Returns false when the new weight would leave [0.01, 0.99] (the injection is refused).
 */
export function injectLiquidityWeight(draft: Draft, id: NetUid, taoIn: bigint, alphaIn: bigint): boolean {
  const s = draft.read(id);
  if (s.mechanism !== 1 || (taoIn === 0n && alphaIn === 0n)) return true;
  const next = weightForAddedLiquidity({
    wQuote: s.wQuote,
    alphaReserve: s.alphaIn,
    taoReserve: s.taoReserve,
    taoDelta: taoIn,
    alphaDelta: alphaIn,
  });
  if (next === null) return false;
  draft.write(id).wQuote = next;
  return true;
}
