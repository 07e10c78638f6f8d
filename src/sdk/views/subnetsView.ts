/** `tm_subnets`: every subnet's pool, price and registration facts, amounts as `{ rao, tao }`. */
import { spotPrice } from '../../engine/chain/poolOps.ts';
import { toF64, U64F64 } from '../../engine/fixed/index.ts';
import type { ChainState } from '../../engine/state/types.ts';
import { type AmountJson, amountJson } from '../amount/amount.ts';

/** A subnet as the view lists it. */
export interface SubnetJson {
  readonly netuid: number;
  readonly owner: string;
  readonly ownerHotkey: string;
  readonly registeredAt: number;
  readonly tempo: number;
  readonly taoIn: AmountJson;
  readonly alphaIn: AmountJson;
  readonly alphaOut: AmountJson;
  /** What `burned_register` costs now. */
  readonly burn: AmountJson;
  /** TAO per alpha at the pool's spot price (a float, for display). */
  readonly price: number;
  readonly neurons: number;
}

/**
 * Every subnet of `state`, root included, in netuid order of registration.
 * @example subnetsView(node.state).map((s) => s.netuid) // [0, 1]
 */
export function subnetsView(state: ChainState): SubnetJson[] {
  return [...state.subnets.values()].map((s) => ({
    netuid: s.netuid,
    owner: s.ownerColdkey,
    ownerHotkey: s.ownerHotkey,
    registeredAt: s.registeredAt,
    tempo: s.tempo,
    taoIn: amountJson(s.taoReserve),
    alphaIn: amountJson(s.alphaIn),
    alphaOut: amountJson(s.alphaOut),
    burn: amountJson(s.burn),
    price: toF64(U64F64, spotPrice(s)),
    neurons: s.neurons.length,
  }));
}
