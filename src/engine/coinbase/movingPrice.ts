/**
 * Moving (EMA) subnet price, spec §4.3 (`staking/stake_utils.rs: update_moving_price,
 * get_moving_alpha_price`).
 */
import { add, convert, fromInt, I96F32, min, mul, safeDiv, sub, U64F64 } from '../fixed/index.ts';

/**
 * `get_moving_alpha_price`: 1.0 for root and stable (mechanism 0) subnets, else the stored I96F32
 * `SubnetMovingPrice` as U64F64 (exact widening; negative saturates to 0).
 */
export function movingAlphaPrice(input: {
  /** `SubnetMechanism` (0 stable, 1 dynamic); root counts as stable. */
  readonly mechanism: number;
  /** `SubnetMovingPrice` (I96F32). */
  readonly stored: I96F32;
}): U64F64 {
  return input.mechanism === 0 ? U64F64.one : convert(I96F32, U64F64, input.stored);
}

/** Inputs of {@link updateMovingPrice}. */
export interface MovingPriceInput {
  /** Current block. */
  readonly block: number;
  /** `FirstEmissionBlockNumber` (start_call block + 1); null reads as 0. */
  readonly firstEmissionBlock: number | null;
  /** `EMAPriceHalvingBlocks`. */
  readonly halvingBlocks: number;
  /** `SubnetMovingAlpha` (I96F32). */
  readonly movingAlpha: I96F32;
  /** Current pool spot price (U64F64). */
  readonly spotPrice: U64F64;
  /** Current moving price as read by {@link movingAlphaPrice} (U64F64). */
  readonly movingPrice: U64F64;
}

/**
 * `update_moving_price`: a = SubnetMovingAlpha * (b / (b + h)) with b = block − (first − 1); the quotient
 * truncates first, then every product floors in U64F64; ema' = a*min(spot, 1) + (1 − a)*ema, stored
 * floored to I96F32.
 * @example updateMovingPrice({ block: 510, firstEmissionBlock: 500, halvingBlocks: 201_600, movingAlpha, spotPrice, movingPrice })
 */
export function updateMovingPrice(input: MovingPriceInput): I96F32 {
  const startCall = Math.max(0, (input.firstEmissionBlock ?? 0) - 1);
  const b = fromInt(U64F64, Math.max(0, input.block - startCall));
  const h = fromInt(U64F64, input.halvingBlocks);
  const ratio = safeDiv(U64F64, b, add(U64F64, b, h));
  const alpha = mul(U64F64, convert(I96F32, U64F64, input.movingAlpha), ratio);
  const oneMinusAlpha = sub(U64F64, U64F64.one, alpha);
  const current = mul(U64F64, alpha, min(input.spotPrice, U64F64.one));
  const previous = mul(U64F64, oneMinusAlpha, input.movingPrice);
  return convert(U64F64, I96F32, add(U64F64, current, previous));
}
