/**
 * Liquid alpha of Yuma 3 (spec §7.6): the bond EMA weight of one (validator, miner) cell from a
 * sigmoid of how far the weight sits above consensus (buying) or the bond above the weight (selling).
 */
import { u16Ratio } from './grid.ts';
import type { FastEpochParams } from './types.ts';

/** Liquid-alpha constants as proportions. */
export interface LiquidAlpha {
  /** AlphaValues low / 65535. */
  readonly low: number;
  /** AlphaValues high / 65535. */
  readonly high: number;
  /** Sigmoid factor AlphaSigmoidSteepness / -100. */
  readonly factor: number;
}

/** The liquid-alpha constants of the hyperparameters. */
export function liquidAlphaOf(params: FastEpochParams): LiquidAlpha {
  return {
    low: u16Ratio(params.alphaLow),
    high: u16Ratio(params.alphaHigh),
    factor: params.alphaSigmoidSteepness / -100,
  };
}

/**
 * `alpha_sigmoid` for a clamped difference: `clamp(low + s (high - low), low, high)` with
 * `s = 1 / (1 + exp(clamp(factor (diff - 0.5), -20, 20)))`.
 */
export function alphaOfDiff(diff: number, p: LiquidAlpha): number {
  let x = p.factor * (diff - 0.5);
  x = x < -20 ? -20 : x > 20 ? 20 : x;
  const a = p.low + (p.high - p.low) / (1 + Math.exp(x));
  const capped = a < p.high ? a : p.high;
  return capped > p.low ? capped : p.low;
}

/** Inputs of {@link liquidAlphaCell}. */
export interface LiquidAlphaCell {
  readonly weight: number;
  readonly bond: number;
  readonly consensus: number;
}

/** The clamped difference the sigmoid reads: weight - consensus when buying, bond - weight when selling. */
export function liquidAlphaDiff({ weight, bond, consensus }: LiquidAlphaCell): number {
  const d = weight >= bond ? weight - consensus : bond - weight;
  return d < 0 ? 0 : d > 1 ? 1 : d;
}
