/**
 * The TAO/USD market, cleared from net order flow (spec/market.md §2). Per step:
 *   c_k ← 2^(−dt/H)·c_k + n_k          (n_k: net TAO sold by flow class k this step, as a share of supply)
 *   τ   ← 2^(−dt/h)·τ − sgn(n)·Y·σ_d·√(|n| / (v·dt)),  n = Σ_k n_k
 *   x   = m − M·Σ_k c_k + τ,  P = eˣ
 * m is the log reference value (exogenous demand, the crypto-market factor, useful output against its
 * expected path), M the permanent impact multiplier, H the half-life over which price-elastic investors
 * absorb cumulated flow, Y·σ_d·√(·) the square-root law's transient impact against a day's genuine
 * volume v·P·Q, decaying with half-life h. Issuance moves the price only through what is sold.
 *
 * Because c is linear in the flows, each class keeps its own c_k, and the log return x − x₀ splits
 * exactly into (m − m₀) − M·c_demand (demand), −M·c_dilution, −M·c_valueReturned and τ (other).
 */
import type { ModelParams } from './params.ts';

/** Who trades TAO against USD, by what drives them. */
export const TAO_FLOW_CLASSES = ['demand', 'dilution', 'valueReturned'] as const;

/**
 * A flow class: `demand` is outside investors (the baseline buyers and alpha holders' new money),
 * `dilution` the TAO emission recipients sell (miners, validators, owners, leaving teams), and
 * `valueReturned` TAO bought with revenue to buy back or burn (buybacks, mechanism payments).
 */
export type TaoFlowClass = (typeof TAO_FLOW_CLASSES)[number];

/** TAO sold (positive) or bought (negative) against USD, per flow class, over a step. */
export type TaoFlows = Record<TaoFlowClass, number>;

/** No flow. */
export function noFlows(): TaoFlows {
  return { demand: 0, dilution: 0, valueReturned: 0 };
}

/** The market's state: reference value, cumulated flow per class, transient impact, price. */
export interface TaoMarket {
  /** Log reference value and log price at the start. */
  readonly logStart: number;
  /** m: log reference value. */
  logReference: number;
  /** c_k: cumulated net sold flow per class, as a share of supply. */
  readonly cumulated: TaoFlows;
  /** τ: transient impact (log). */
  transient: number;
  /** x: log price. */
  logPrice: number;
}

/** The market at its start price, balanced (no cumulated flow, no impact). */
export function createTaoMarket(priceUsd: number): TaoMarket {
  const x = Math.log(priceUsd);
  return { logStart: x, logReference: x, cumulated: noFlows(), transient: 0, logPrice: x };
}

/**
 * Clear one step: fold the step's net flows (tokens; sold positive) into the cumulated and transient
 * terms and set the price from the reference value. Returns the price in USD.
 */
export function clearTaoMarket(args: {
  market: TaoMarket;
  logReference: number;
  flows: TaoFlows;
  supply: number;
  params: ModelParams['taoMarket'];
  /** Step length in days. */
  dt: number;
}): number {
  const { market, flows, supply, params, dt } = args;
  const absorb = 0.5 ** (dt / params.absorptionHalfLifeDays);
  let net = 0;
  let cumulated = 0;
  for (const k of TAO_FLOW_CLASSES) {
    const n = supply > 0 ? flows[k] / supply : 0;
    net += n;
    market.cumulated[k] = absorb * market.cumulated[k] + n;
    cumulated += market.cumulated[k];
  }
  const fade = 0.5 ** (dt / params.transientHalfLifeDays);
  const volume = params.genuineTurnoverPerDay * dt;
  const impact =
    volume > 0 ? params.transientImpact * params.dailyVolatility * Math.sqrt(Math.abs(net) / volume) : 0;
  market.transient = fade * market.transient - Math.sign(net) * impact;
  market.logReference = args.logReference;
  market.logPrice = market.logReference - params.impactMultiplier * cumulated + market.transient;
  return Math.exp(market.logPrice);
}

/** The log return since the start split by cause; the parts add up to x − x₀. */
export interface TaoReturnAttribution {
  readonly demand: number;
  readonly dilution: number;
  readonly valueReturned: number;
  readonly other: number;
}

/** Split the market's log return since the start into demand, dilution, value returned and other. */
export function attributeTaoReturn(
  market: TaoMarket,
  params: ModelParams['taoMarket'],
): TaoReturnAttribution {
  const m = params.impactMultiplier;
  return {
    demand: market.logReference - market.logStart - m * market.cumulated.demand,
    dilution: -m * market.cumulated.dilution,
    valueReturned: -m * market.cumulated.valueReturned,
    other: market.transient,
  };
}
