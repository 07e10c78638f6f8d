/**
 * `tm_network`: the network at the head block in a few figures: issuance and what the next block
 * emits, the sum of alpha prices, the share of the last coinbase's TAO that went to chain buys, and the
 * root proportion weighted by each subnet's emission.
 */
import { blockEmissionForIssuance } from '../../engine/emission/blockEmission.ts';
import type { ChainState } from '../../engine/state/types.ts';
import { type AmountJson, amountJson } from '../amount/amount.ts';
import { subnetEconomicsView } from './subnetEconomicsView.ts';

/** The network's headline figures. */
export interface NetworkJson {
  readonly block: number;
  /** `TotalIssuance`. */
  readonly issuance: AmountJson;
  /** TAO the next block emits at this issuance (the halving schedule). */
  readonly blockEmission: AmountJson;
  /** Subnets besides root. */
  readonly subnets: number;
  /** Sum of the subnets' spot prices, TAO per alpha (above 1: the chain emits alpha, not only TAO). */
  readonly alphaPriceSum: number;
  /** Sum of the subnets' EMA prices. */
  readonly emaPriceSum: number;
  /** Part of the last coinbase's subnet TAO spent on chain buys (0 to 1). */
  readonly chainBuyShare: number;
  /** Subnets' root proportions weighted by their share of the last coinbase (0 to 1). */
  readonly rootProportion: number;
}

/**
 * The headline figures of `state`.
 * @example networkView(node.state).blockEmission.tao // '1'
 */
export function networkView(state: ChainState): NetworkJson {
  const subnets = subnetEconomicsView(state);
  let emitted = 0n;
  let bought = 0n;
  for (const s of subnets) {
    emitted += BigInt(s.emission.rao);
    bought += BigInt(s.chainBuy.rao);
  }
  return {
    block: state.block,
    issuance: amountJson(state.totalIssuance),
    blockEmission: amountJson(blockEmissionForIssuance(state.totalIssuance)),
    subnets: subnets.length,
    alphaPriceSum: subnets.reduce((sum, s) => sum + s.price, 0),
    emaPriceSum: subnets.reduce((sum, s) => sum + s.emaPrice, 0),
    chainBuyShare: emitted === 0n ? 0 : Number(bought) / Number(emitted),
    rootProportion: subnets.reduce((sum, s) => sum + s.emissionShare * s.rootProportion, 0),
  };
}
