/**
 * Stake weight of a hotkey on a subnet (spec §6.3): its alpha stake plus tao_weight times its root
 * stake, in I64F64. Both stakes are integers; tao_weight is the U96F32 quotient TaoWeight/u64::MAX,
 * so the product carries 32 fractional bits exactly.
 */
import { fromU64Proportion, type I64F64, U96F32 } from '../fixed/index.ts';
import type { ChainState, SubnetState } from '../state/types.ts';
import { type Hotkey, ROOT_NETUID } from '../types.ts';
import { inheritedStakes } from './childkeys.ts';

/** tao_weight as U96F32 raw bits. */
export function taoWeightU96(state: Pick<ChainState, 'taoWeight'>): bigint {
  return fromU64Proportion(U96F32, state.taoWeight);
}

/** Alpha staked on a hotkey on a subnet (`TotalHotkeyAlpha`). */
export function hotkeyAlpha(subnet: SubnetState, hk: Hotkey): bigint {
  return subnet.stakes.get(hk)?.value ?? 0n;
}

/**
 * S(h, n) as I64F64 raw bits: inherited alpha << 64 plus inherited root TAO * tao_weight (the U96F32
 * product's 32 fractional bits widened to 64). Inherited stakes follow the subnet's childkeys.
 */
export function stakeWeightI64F64(args: {
  subnet: SubnetState;
  root: SubnetState;
  hotkey: Hotkey;
  taoWeightU96: bigint;
}): I64F64 {
  const inherited = inheritedStakes(args);
  const rootPart = args.subnet.netuid === ROOT_NETUID ? 0n : inherited.root * args.taoWeightU96;
  return ((inherited.alpha << 64n) + (rootPart << 32n)) as I64F64;
}

/** floor(S(h, n)) in raw units. */
export function stakeWeightFloor(args: Parameters<typeof stakeWeightI64F64>[0]): bigint {
  return stakeWeightI64F64(args) >> 64n;
}
