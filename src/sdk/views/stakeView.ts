/** `tm_stake`: a coldkey's stake positions, per hotkey and subnet, in alpha and at their TAO value. */
import { alphaValueInTao } from '../../engine/chain/poolOps.ts';
import { stakeOf } from '../../engine/staking/sharePool.ts';
import type { ChainState } from '../../engine/state/types.ts';
import type { Coldkey } from '../../engine/types.ts';
import { type AmountJson, amountJson } from '../amount/amount.ts';

/** One position: the alpha the coldkey owns on a hotkey on a subnet, and its TAO value at the spot price. */
export interface StakePosition {
  readonly hotkey: string;
  readonly netuid: number;
  /** Alpha units (root: TAO), 9 decimals like rao. */
  readonly alpha: AmountJson;
  /** The alpha's value at the pool's spot price, floored (root: the same TAO). */
  readonly tao: AmountJson;
}

/**
 * Every non-zero position of `coldkey`, by subnet then hotkey.
 * @example stakeView(node.state, alice) // [{ hotkey: '5F…', netuid: 1, alpha: { rao: '…', tao: '…' }, tao: {…} }]
 */
export function stakeView(state: ChainState, coldkey: string): StakePosition[] {
  const positions: StakePosition[] = [];
  for (const subnet of state.subnets.values()) {
    for (const [hotkey, pool] of subnet.stakes) {
      if (!pool.shares.has(coldkey as Coldkey)) continue;
      const alpha = stakeOf(pool, coldkey as Coldkey);
      if (alpha === 0n) continue;
      positions.push({
        hotkey,
        netuid: subnet.netuid,
        alpha: amountJson(alpha),
        tao: amountJson(alphaValueInTao(subnet, alpha)),
      });
    }
  }
  return positions.sort((a, b) => a.netuid - b.netuid || (a.hotkey < b.hotkey ? -1 : 1));
}
