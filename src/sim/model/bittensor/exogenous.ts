/**
 * Exogenous paths of one future, advanced one day at a time: TAO demand (a jump diffusion with a
 * crypto-market factor), demand for AI services, the cost of compute, and the quality of centralized
 * competitors. Demand per step dt (years):
 *   Δln D = (μ − λ·m)·dt + β·σ_B·√dt·Z_B + σ_I·√dt·Z + Σ_{k ≤ N} (m + s·Z_k),  N ~ Poisson(λ·dt),
 * with β·σ_B at most σ and σ_I = √(σ² − (β·σ_B)²), so the diffusion's total volatility is σ and E[Δln D] = μ·dt
 * (μ = demandDriftPerYear, σ = demandVolatilityPerYear, β = cryptoMarketBeta, σ_B =
 * cryptoMarketVolatilityPerYear, λ = jumpsPerYear, m = jumpMean, s = jumpStdev).
 */
import type { Rng } from '../../rng/stream.ts';
import type { ModelParams } from './params.ts';

/** The market state on a day. Indices are 1 at the start. */
export interface Market {
  day: number;
  /** Exogenous TAO demand index: the reference value's multiple of its start (crypto factor included). */
  demand: number;
  /** Crypto-market (BTC) index: the factor part of demand, before TAO's beta. */
  cryptoMarket: number;
  /** Demand for AI services. */
  aiDemand: number;
  /** Cost of compute per unit of capability. */
  computeCost: number;
  /** Centralized competitors' quality. */
  competition: number;
}

/** The market at day 0. */
export function initialMarket(): Market {
  return { day: 0, demand: 1, cryptoMarket: 1, aiDemand: 1, computeCost: 1, competition: 1 };
}

/**
 * Advance the market by `days` (mutates `m`; the model owns it). Jumps draw from `jumpRng`, so a future
 * with more or fewer jumps keeps the same diffusion draws (paired runs stay paired).
 */
export function advanceMarket(
  m: Market,
  p: ModelParams['market'],
  rng: Rng,
  days: number,
  jumpRng: Rng = rng,
): void {
  const dt = days / 365;
  // The factor's share of demand volatility is at most all of it: demand volatility 0 means none at all.
  const factor = Math.min(p.cryptoMarketBeta * p.cryptoMarketVolatilityPerYear, p.demandVolatilityPerYear);
  const sigma = Math.sqrt(p.demandVolatilityPerYear ** 2 - factor ** 2);
  const crypto = p.cryptoMarketVolatilityPerYear * Math.sqrt(dt) * rng.normal();
  m.cryptoMarket *= Math.exp(crypto);
  // The drift is the expected log growth and, with symmetric jumps, the median: with no drift demand
  // is as likely to rise as to fall. Jumps are compensated (their expected sum is taken out), so a
  // jump mean shapes the tails without adding a trend the drift does not state.
  let logStep =
    (p.demandDriftPerYear - p.jumpsPerYear * p.jumpMean) * dt +
    (p.cryptoMarketVolatilityPerYear > 0 ? (factor / p.cryptoMarketVolatilityPerYear) * crypto : 0) +
    sigma * Math.sqrt(dt) * rng.normal();
  const jumps = jumpRng.poisson(p.jumpsPerYear * dt);
  for (let j = 0; j < jumps; j++) logStep += p.jumpMean + p.jumpStdev * jumpRng.normal();
  m.demand *= Math.exp(logStep);
  m.aiDemand *= Math.exp(p.aiDemandGrowthPerYear * dt);
  m.computeCost *= (1 - p.computeCostDeclinePerYear) ** dt;
  m.competition *= Math.exp(p.competitionGrowthPerYear * dt);
  m.day += days;
}
