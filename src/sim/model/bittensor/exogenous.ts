/**
 * Exogenous paths of one future, advanced one day at a time: TAO demand (a jump diffusion with a
 * crypto-market factor), demand for AI services, the cost of compute, and the quality of centralized
 * competitors. Demand per step dt (years):
 *   Δln D = (μ − λ·m)·dt + σ·√dt·Z + Σ_{k ≤ N} (m + s·Z_k),  N ~ Poisson(λ·dt) (by thinning),
 *   Δln B = σ_B·√dt·Z_B,  Z_B = ρ·Z + √(1 − ρ²)·Z′,  ρ = min(β·σ_B, σ) / σ,
 * so E[Δln D] = μ·dt, the crypto market B carries β·σ_B of demand's diffusion (at most all of it) and the
 * rest, √(σ² − (β·σ_B)²), is TAO's own: the same joint law as β·σ_B·Z_B + σ_I·Z, drawn so that the TAO
 * path depends on σ alone and runs that differ in β or σ_B stay paired (μ = demandDriftPerYear, σ =
 * demandVolatilityPerYear, β = cryptoMarketBeta, σ_B = cryptoMarketVolatilityPerYear, λ = jumpsPerYear,
 * m = jumpMean, s = jumpStdev).
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
 * Candidate demand jumps per year: jumps arrive at this rate and each is kept with probability λ / this
 * (a thinned Poisson process is Poisson at rate λ), so futures that differ in λ share their jumps.
 */
export const JUMP_CANDIDATES_PER_YEAR = 64;

/**
 * Advance the market by `days` (mutates `m`; the model owns it). Jumps draw from `jumpRng`, so a future
 * with more or fewer jumps keeps the same diffusion draws, and by thinning the same jumps (paired runs
 * stay paired).
 */
export function advanceMarket(
  m: Market,
  p: ModelParams['market'],
  rng: Rng,
  days: number,
  jumpRng: Rng = rng,
): void {
  const dt = days / 365;
  const sigma = p.demandVolatilityPerYear;
  const z = rng.normal();
  // The factor's share of demand volatility is at most all of it: demand volatility 0 means none at all.
  const factor = Math.min(p.cryptoMarketBeta * p.cryptoMarketVolatilityPerYear, sigma);
  const rho = sigma > 0 ? factor / sigma : 0;
  const zB = rho * z + Math.sqrt(1 - rho * rho) * rng.normal();
  m.cryptoMarket *= Math.exp(p.cryptoMarketVolatilityPerYear * Math.sqrt(dt) * zB);
  // The drift is the expected log growth and, with symmetric jumps, the median: with no drift demand
  // is as likely to rise as to fall. Jumps are compensated (their expected sum is taken out), so a
  // jump mean shapes the tails without adding a trend the drift does not state.
  let logStep = (p.demandDriftPerYear - p.jumpsPerYear * p.jumpMean) * dt + sigma * Math.sqrt(dt) * z;
  const ceiling = Math.max(JUMP_CANDIDATES_PER_YEAR, p.jumpsPerYear);
  const candidates = jumpRng.poisson(ceiling * dt);
  for (let j = 0; j < candidates; j++) {
    const size = p.jumpMean + p.jumpStdev * jumpRng.normal();
    if (jumpRng.uniform() * ceiling < p.jumpsPerYear) logStep += size;
  }
  m.demand *= Math.exp(logStep);
  m.aiDemand *= Math.exp(p.aiDemandGrowthPerYear * dt);
  m.computeCost *= (1 - p.computeCostDeclinePerYear) ** dt;
  m.competition *= Math.exp(p.competitionGrowthPerYear * dt);
  m.day += days;
}
