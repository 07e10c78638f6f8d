/**
 * What holders outside the protocol hold, for their returns: an alpha basket bought at the start, and the
 * wealth of everyone outside the protocol (TAO outside the pools plus wallets' alpha at exit prices).
 */
import { sellAlphaTaoAt } from '../../../engine/kernel/poolSwapTao.ts';
import type { KernelState } from '../../../engine/kernel/types.ts';
import { walletAlpha } from './alphaHolders.ts';
import { spotPrice } from './view.ts';
import type { World } from './world.ts';

/**
 * One TAO's worth of alpha bought at the start across the subnets, weighted by their alpha market cap
 * (wallets' alpha at the spot price): the alpha per slot, the team it was bought from, and the TAO paid
 * out when such a subnet is dissolved.
 */
export interface AlphaBasket {
  readonly units: Float64Array;
  readonly teamId: Int32Array;
  cashTao: number;
}

/** The basket at the start. */
export function startAlphaBasket(state: KernelState, world: World): AlphaBasket {
  const n = state.columns.active.length;
  const caps = new Float64Array(n);
  let total = 0;
  for (let i = 0; i < n; i++) {
    if (state.columns.active[i] !== 1) continue;
    caps[i] = spotPrice(state, i) * walletAlpha(state, i);
    total += caps[i]!;
  }
  const units = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const price = spotPrice(state, i);
    if (total > 0 && price > 0) units[i] = caps[i]! / total / price;
  }
  return { units, teamId: Int32Array.from(world.teamId), cashTao: 0 };
}

/** A slot is dissolved at `price` (TAO per alpha): the basket's alpha there turns into TAO. */
export function dissolveInBasket(basket: AlphaBasket, slot: number, teamId: number, price: number): void {
  if (basket.teamId[slot] !== teamId || basket.units[slot] === 0) return;
  basket.cashTao += basket.units[slot]! * price;
  basket.units[slot] = 0;
}

/** The basket's value in TAO at spot prices (a small holder's exit). */
export function basketValueTao(basket: AlphaBasket, state: KernelState, world: World): number {
  let value = basket.cashTao;
  for (let i = 0; i < basket.units.length; i++) {
    if (basket.units[i] === 0 || world.teamId[i] !== basket.teamId[i]) continue;
    value += basket.units[i]! * spotPrice(state, i);
  }
  return value;
}

/**
 * Outside holders' wealth in TAO: root stake and balances outside the chain's pools and accounts, plus
 * each subnet's wallet alpha at the TAO it would fetch sold at once through its pool.
 */
export function outsideWealth(state: KernelState): number {
  const c = state.columns;
  let wealth = state.rootStake + state.external;
  for (let i = 0; i < c.active.length; i++) {
    if (c.active[i] === 1) wealth += sellAlphaTaoAt(c, i, walletAlpha(state, i));
  }
  return wealth;
}
