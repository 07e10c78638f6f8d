/**
 * `tm_simulateSwap`: what a buy (TAO in) or a sell (alpha in) on a subnet's pool would give now, by the
 * engine's own swap (fee, reserves, minimum reserve) on a copy of the pool; the chain is not changed.
 */
import { poolOf } from '../../engine/chain/poolOps.ts';
import { toF64, U64F64 } from '../../engine/fixed/index.ts';
import { spotPrice } from '../../engine/pool/spotPrice.ts';
import { swapBuy, swapSell } from '../../engine/pool/swap.ts';
import type { ChainState } from '../../engine/state/types.ts';
import { type AmountJson, amountJson } from '../amount/amount.ts';
import { subnetOf } from './subnetOf.ts';
import { ViewError } from './viewError.ts';

/** The order to simulate: TAO in (a buy of alpha) or alpha in (a sell), gross of the fee. */
export type SwapOrder = { readonly taoIn: bigint } | { readonly alphaIn: bigint };

/** A simulated swap. Buys pay the fee in TAO, sells in alpha; prices are TAO per alpha. */
export interface SwapSimulation {
  readonly netuid: number;
  readonly side: 'buy' | 'sell';
  /** What goes into the pool, fee included (TAO for a buy, alpha for a sell). */
  readonly amountIn: AmountJson;
  /** Of `amountIn`, what the swap uses (less when a price limit stops it; here the whole amount). */
  readonly amountUsed: AmountJson;
  readonly fee: AmountJson;
  /** Alpha out of a buy, TAO out of a sell. */
  readonly amountOut: AmountJson;
  readonly priceBefore: number;
  readonly priceAfter: number;
}

/**
 * Simulate `order` on `netuid`'s pool in `state`. Throws a {@link ViewError}: `NO_SUCH_SUBNET` for an
 * unknown subnet, the pool's code (e.g. `ReservesTooLow`) when the chain would refuse the swap.
 * @example simulateSwap(node.state, 1, { taoIn: 1_000_000_000n }).amountOut // alpha for 1 TAO
 */
export function simulateSwap(state: ChainState, netuid: number, order: SwapOrder): SwapSimulation {
  const subnet = subnetOf(state, netuid);
  const params = {
    pool: poolOf(subnet),
    feeRate: subnet.feeRate,
    mechanism: subnet.mechanism,
    minimumReserve: state.params.minimumReserve,
  };
  const priceBefore = toF64(U64F64, spotPrice(params.pool, subnet.mechanism));
  const buy = 'taoIn' in order;
  const amountIn = buy ? order.taoIn : order.alphaIn;
  const r = buy ? swapBuy({ ...params, taoIn: amountIn }) : swapSell({ ...params, alphaIn: amountIn });
  if (!r.ok)
    throw new ViewError(r.error.code, buy ? 'params[1].taoIn' : 'params[1].alphaIn', r.error.message);
  const { deltaIn, fee, pool } = r.value;
  return {
    netuid,
    side: buy ? 'buy' : 'sell',
    amountIn: amountJson(amountIn),
    amountUsed: amountJson(deltaIn + fee),
    fee: amountJson(fee),
    amountOut: amountJson('alphaOut' in r.value ? r.value.alphaOut : r.value.taoOut),
    priceBefore,
    priceAfter: toF64(U64F64, spotPrice(pool, subnet.mechanism)),
  };
}
