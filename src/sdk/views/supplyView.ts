/**
 * `tm_supply`: the TAO supply identity of the head state, term by term (see `engine/state/types.ts`):
 * issuance plus uncounted TAO against every holding, and the engine's full invariant check. The node
 * already refuses to commit a block that breaks them; this lets a client see it hold.
 */
import { checkInvariants } from '../../engine/invariants/checkInvariants.ts';
import { taoHoldings } from '../../engine/invariants/taoHoldings.ts';
import type { ChainState } from '../../engine/state/types.ts';
import { type AmountJson, amountJson } from '../amount/amount.ts';
import { CHAIN_BLOCK_OPTIONS } from '../chain/chainBlockOptions.ts';

/** The supply identity at one block. */
export interface SupplyJson {
  readonly block: number;
  /** `TotalIssuance`. */
  readonly issuance: AmountJson;
  /** TAO the chain put into pools without issuing it (chain buys of the dtao subsidy rule). */
  readonly uncounted: AmountJson;
  /** Free balances. */
  readonly balances: AmountJson;
  /** Pool TAO reserves (`SubnetTAO`, root: the root stake): where staked TAO is. */
  readonly pools: AmountJson;
  /** TAO in subnet accounts outside the reserves, and root TAO pending payout. */
  readonly subnetAccounts: AmountJson;
  /** TAO destroyed by `burn_tao`, still counted in issuance. */
  readonly burned: AmountJson;
  /** TAO the binding mechanisms hold (covenant bonds, credit sale proceeds, escrowed usage payments). */
  readonly mechanisms: AmountJson;
  /** Every holding added up (the terms above). */
  readonly held: AmountJson;
  /** `issuance + uncounted == held` and every other identity of the engine holds. */
  readonly conserved: boolean;
  /** The identities that do not hold, with their numbers (empty when `conserved`). */
  readonly problems: string[];
}

/**
 * The supply identity of `state`.
 * @example supplyView(node.state).conserved // true
 */
export function supplyView(state: ChainState): SupplyJson {
  let balances = 0n;
  for (const b of state.balances.values()) balances += b;
  let pools = 0n;
  let accounts = 0n;
  for (const s of state.subnets.values()) {
    pools += s.taoReserve;
    accounts += s.accountTao + s.pendingRootTao;
  }
  const { addOn } = CHAIN_BLOCK_OPTIONS;
  const problems = checkInvariants(state, addOn);
  return {
    block: state.block,
    issuance: amountJson(state.totalIssuance),
    uncounted: amountJson(state.uncountedTao),
    balances: amountJson(balances),
    pools: amountJson(pools),
    subnetAccounts: amountJson(accounts),
    burned: amountJson(state.burnedTao),
    mechanisms: amountJson(state.addOn === undefined ? 0n : addOn.taoHeld(state)),
    held: amountJson(taoHoldings(state, addOn)),
    conserved: problems.length === 0,
    problems,
  };
}
