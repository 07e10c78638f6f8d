/**
 * Exogenous paths of one future, advanced one day at a time: TAO demand (a jump diffusion), demand
 * for AI services, the cost of compute, and the quality of centralized competitors. Demand per step dt
 * (years): Δln D = (μ − λ·m)·dt + σ·√dt·Z + Σ_{k ≤ N} (m + s·Z_k), N ~ Poisson(λ·dt), so
 * E[Δln D] = μ·dt (μ = demandDriftPerYear, σ = demandVolatilityPerYear, λ = jumpsPerYear, m = jumpMean,
 * s = jumpStdev).
 */
import type { Rng } from '../../rng/stream.ts';
import type { ModelParams } from './params.ts';

/** The market state on a day. Indices are 1 at the start. */
export interface Market {
  day: number;
  /** Exogenous TAO demand index (market cap multiplier). */
  demand: number;
  /** Demand for AI services. */
  aiDemand: number;
  /** Cost of compute per unit of capability. */
  computeCost: number;
  /** Centralized competitors' quality. */
  competition: number;
}

/** The market at day 0. */
export function initialMarket(): Market {
  return { day: 0, demand: 1, aiDemand: 1, computeCost: 1, competition: 1 };
}

/** Advance the market by `days` (mutates `m`; the model owns it). */
export function advanceMarket(m: Market, p: ModelParams['market'], rng: Rng, days: number): void {
  const dt = days / 365;
  const sigma = p.demandVolatilityPerYear;
  // The drift is the expected log growth and, with symmetric jumps, the median: with no drift demand
  // is as likely to rise as to fall. Jumps are compensated (their expected sum is taken out), so a
  // jump mean shapes the tails without adding a trend the drift does not state.
  let logStep =
    (p.demandDriftPerYear - p.jumpsPerYear * p.jumpMean) * dt + sigma * Math.sqrt(dt) * rng.normal();
  const jumps = rng.poisson(p.jumpsPerYear * dt);
  for (let j = 0; j < jumps; j++) logStep += p.jumpMean + p.jumpStdev * rng.normal();
  m.demand *= Math.exp(logStep);
  m.aiDemand *= Math.exp(p.aiDemandGrowthPerYear * dt);
  m.computeCost *= (1 - p.computeCostDeclinePerYear) ** dt;
  m.competition *= Math.exp(p.competitionGrowthPerYear * dt);
  m.day += days;
}
