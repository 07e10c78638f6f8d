/**
 * The epoch's hyperparameters as the chain reads them into fixed point (spec §7.5, §7.6): u16 ratios
 * over 65535 and the bonds moving average over 1e6, each a truncating division.
 */

import type { EpochParams } from '../../../../state/types.ts';
import { convert, fromInt, I32F32, I64F64, safeDiv, sub, U16_MAX } from '../fixed/index.testkit.ts';

/** The hyperparameters of one epoch in the chain's fixed-point form. */
export interface YumaParams {
  /** kappa = Kappa / 65535: the stake share the consensus median needs. */
  readonly kappa: I32F32;
  /** β = BondsPenalty / 65535. */
  readonly bondsPenalty: I32F32;
  /** Fixed bond EMA weight `1 - BondsMovingAverage / 1e6` (original Yuma, and Yuma 3 without liquid alpha). */
  readonly bondsAlpha: I32F32;
  readonly yuma3: boolean;
  readonly liquidAlpha: boolean;
  /** AlphaValues low / 65535. */
  readonly alphaLow: I32F32;
  /** AlphaValues high / 65535. */
  readonly alphaHigh: I32F32;
  /** AlphaSigmoidSteepness (an i16) as I32F32. */
  readonly alphaSigmoidSteepness: I32F32;
  readonly maxAllowedValidators: number;
  readonly activityCutoffFactorMilli: number;
  /** Minimum stake weight (whole units) a non-owner needs for its stake to count. */
  readonly stakeThreshold: bigint;
}

const U16_MAX_FIXED = fromInt(I32F32, U16_MAX);

/** `u16 / 65535` in I32F32 (`safe_div`, truncating). */
function u16Ratio(x: number): I32F32 {
  return safeDiv(I32F32, fromInt(I32F32, x), U16_MAX_FIXED);
}

/**
 * `1 - BondsMovingAverage / 1e6`: the quotient in I64F64 (truncating), narrowed to I32F32 (floor,
 * saturating), subtracted from 1 (saturating).
 */
export function bondsEmaAlpha(bondsMovingAverage: number | bigint): I32F32 {
  const ratio = safeDiv(I64F64, fromInt(I64F64, bondsMovingAverage), fromInt(I64F64, 1_000_000));
  return sub(I32F32, I32F32.one, convert(I64F64, I32F32, ratio));
}

/** Read the subnet's epoch hyperparameters into fixed point, as `epoch_mechanism` does. */
export function yumaParams(params: EpochParams): YumaParams {
  return {
    kappa: u16Ratio(params.kappa),
    bondsPenalty: u16Ratio(params.bondsPenalty),
    bondsAlpha: bondsEmaAlpha(params.bondsMovingAverage),
    yuma3: params.yuma3,
    liquidAlpha: params.liquidAlpha,
    alphaLow: u16Ratio(params.alphaLow),
    alphaHigh: u16Ratio(params.alphaHigh),
    alphaSigmoidSteepness: fromInt(I32F32, params.alphaSigmoidSteepness),
    maxAllowedValidators: params.maxAllowedValidators,
    activityCutoffFactorMilli: params.activityCutoffFactorMilli,
    stakeThreshold: params.stakeThreshold,
  };
}
