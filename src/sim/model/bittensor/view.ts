/** Reading the kernel's columns the way agents need them (spot prices, holdings by class). */
import { type HolderClass, holderColumnOf, type KernelState } from '../../../engine/kernel/types.ts';

/** Balancer spot price of a slot (TAO per alpha), 0 for an empty pool. */
export function spotPrice(state: KernelState, slot: number): number {
  const c = state.columns;
  const x = c.alphaIn[slot]!;
  const w = c.wQuote[slot]!;
  return x > 0 && w > 0 ? ((1 - w) / w) * (c.taoReserve[slot]! / x) : 0;
}

/** Alpha held by a class on a slot. */
export function holding(state: KernelState, cls: HolderClass, slot: number): number {
  return state.columns.holdings[holderColumnOf(cls) * state.columns.active.length + slot]!;
}
