/**
 * `tm_subnetEconomics`: each subnet's money at the head block: spot and EMA price, the TAO the last
 * coinbase gave it (injected and chain-bought) and its share of the block, flows, market cap, root
 * proportion and the miners' burned share. Amounts exact as `{ rao, tao }`; prices and proportions are
 * floats, for display.
 */
import { alphaValueInTao, spotPrice } from '../../engine/chain/poolOps.ts';
import { rootProportion, taoWeight } from '../../engine/coinbase/rootProportion.ts';
import { I64F64, I96F32, toF64, U64F64, U96F32 } from '../../engine/fixed/index.ts';
import type { ChainState } from '../../engine/state/types.ts';
import { ROOT_NETUID } from '../../engine/types.ts';
import { type AmountJson, amountJson } from '../amount/amount.ts';

/** One subnet's economics. */
export interface SubnetEconomicsJson {
  readonly netuid: number;
  /** TAO per alpha at the pool's spot price. */
  readonly price: number;
  /** `SubnetMovingPrice`: the EMA price the price rule splits emission by. */
  readonly emaPrice: number;
  /** TAO the last coinbase gave the subnet: injected plus chain-bought. */
  readonly emission: AmountJson;
  /** The subnet's part of the last coinbase's TAO (0 to 1; all zero before any coinbase). */
  readonly emissionShare: number;
  /** TAO injected into the pool by the last coinbase. */
  readonly injected: AmountJson;
  /** TAO that could not be injected and bought alpha instead (a chain buy). */
  readonly chainBuy: AmountJson;
  /** Alpha minted for participants by the last coinbase. */
  readonly alphaEmission: AmountJson;
  /** `SubnetTaoFlow`: users' TAO in minus out since the flow EMA last took it (may be negative). */
  readonly taoFlow: AmountJson;
  /** `SubnetEmaTaoFlow` truncated to rao; null until first computed (flow rule packs). */
  readonly emaTaoFlow: AmountJson | null;
  /** All alpha (in the pool and out) at the spot price, floored. */
  readonly marketCap: AmountJson;
  /** Root stake's weight against the subnet's alpha issuance (spec §4.6), 0 to 1. */
  readonly rootProportion: number;
  /** `MinerBurned`: share of the last epoch's miner incentive withheld from owner hotkeys, 0 to 1. */
  readonly minersBurned: number;
}

/**
 * The economics of every subnet but root, in netuid order.
 * @example subnetEconomicsView(node.state).map((s) => s.emissionShare) // e.g. [0.5, 0.5]
 */
export function subnetEconomicsView(state: ChainState): SubnetEconomicsJson[] {
  const subnets = [...state.subnets.values()].filter((s) => s.netuid !== ROOT_NETUID);
  const rootTao = state.subnets.get(ROOT_NETUID)?.taoReserve ?? 0n;
  const weight = taoWeight(state.taoWeight);
  const emitted = subnets.map((s) => s.lastTaoInEmission + s.lastExcessTao);
  const total = emitted.reduce((a, b) => a + b, 0n);
  return subnets.map((s, i) => ({
    netuid: s.netuid,
    price: toF64(U64F64, spotPrice(s)),
    emaPrice: toF64(I96F32, s.movingPrice as I96F32),
    emission: amountJson(emitted[i]!),
    emissionShare: total === 0n ? 0 : Number(emitted[i]!) / Number(total),
    injected: amountJson(s.lastTaoInEmission),
    chainBuy: amountJson(s.lastExcessTao),
    alphaEmission: amountJson(s.lastAlphaOutEmission),
    taoFlow: amountJson(s.taoFlow),
    emaTaoFlow: s.emaTaoFlow === null ? null : amountJson(s.emaTaoFlow.value >> I64F64.frac),
    marketCap: amountJson(alphaValueInTao(s, s.alphaIn + s.alphaOut)),
    rootProportion: toF64(
      U96F32,
      rootProportion({ rootTao, taoWeight: weight, alphaIssuance: s.alphaIn + s.alphaOut }),
    ),
    minersBurned: toF64(U96F32, s.minerBurned),
  }));
}
