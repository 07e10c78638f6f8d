/** The flow packs' EMA seeded from prices, at the start of a future and at a switch to flow shares. */
import type { KernelSubnetInit } from '../../../engine/kernel/index.ts';
import type { KernelParams, KernelState } from '../../../engine/kernel/types.ts';
import { spotPriceF64 } from '../../../engine/pool/balancerF64.ts';
import { DEFAULT_RULE_PACK, tracksFlowEma } from '../../../engine/rules/rulePackTraits.ts';
import { spotPrice } from './view.ts';

/**
 * The initial subnets with the flow packs' EMA seeded as the chain seeded it at the switch to flow
 * shares (rulepacks.md §3.6): min(moving price, spot price) TAO per block, so the first shares are about
 * the price shares and drift towards real flows. Other packs do not read the flow EMA.
 */
export function seedFlowEma(
  subnets: readonly KernelSubnetInit[],
  params: KernelParams,
): readonly KernelSubnetInit[] {
  if (!isFlowPack(params.rulePack)) return subnets;
  return subnets.map((s) => {
    const spot = spotPriceF64({ taoReserve: s.taoReserve, alphaReserve: s.alphaIn, wQuote: s.wQuote ?? 0.5 });
    return { ...s, flowEma: Math.min(s.movingPrice ?? 0, spot) };
  });
}

/** Whether a pack keeps flow EMAs (its traits): the switch into one seeds them. */
export function isFlowPack(pack: KernelParams['rulePack']): boolean {
  return tracksFlowEma(pack ?? DEFAULT_RULE_PACK);
}

/**
 * {@link seedFlowEma} on a running state: a switch to flow shares seeds each subnet's EMA from its
 * prices, and the EMAs consume only flows from the switch on (the protocol EMA starts from 0, as on the
 * chain at the netflow switch, rulepacks.md §7).
 */
export function seedFlowEmaInPlace(state: KernelState): void {
  const c = state.columns;
  for (let i = 0; i < c.active.length; i++) {
    if (c.active[i] !== 1) continue;
    c.flowEma[i] = Math.min(c.movingPrice[i]!, spotPrice(state, i));
    c.flowMark[i] = c.userStakeTao[i]! - c.userUnstakeTao[i]! + c.rootUnstakeTao[i]!;
    c.protocolEma[i] = 0;
    c.rootSellMark[i] = c.rootUnstakeTao[i]!;
  }
}
