/**
 * Swap fees (spec §5.3; `impls.rs: calculate_fee_amount`, `swap_step.rs: determine_action`). The fee is
 * taken from the input; the rate is a u16 read as `rate / 65535`, computed in U64F64.
 */
import { fromInt, mul, safeDiv, sub, toU64, U16_MAX, U64F64 } from '../fixed/index.ts';
import { isDynamic } from './poolState.ts';

/** Largest settable `FeeRate` (`SwapMaxFeeRate`, 15.26%). */
export const MAX_FEE_RATE = 10_000;

/** Inputs of {@link swapFee}. */
export interface SwapFeeInput {
  /** Gross input amount (u64). */
  readonly amount: bigint;
  /** `FeeRate` (u16). */
  readonly feeRate: number;
  /** Protocol swaps pay no fee. */
  readonly dropFees?: boolean;
  /** `SubnetMechanism`; only dynamic subnets charge a fee. */
  readonly mechanism: number;
}

/**
 * `calculate_fee_amount`: `floor(amount * (rate/65535))` where `rate/65535` is a truncated U64F64
 * quotient; 0 for protocol swaps and stable subnets.
 * @example swapFee({ amount: 2_000n, feeRate: 33, mechanism: 1 }) // 1n
 */
export function swapFee(input: SwapFeeInput): bigint {
  if (input.dropFees === true || !isDynamic(input.mechanism)) return 0n;
  const rate = safeDiv(U64F64, fromInt(U64F64, input.feeRate), fromInt(U64F64, U16_MAX));
  return toU64(U64F64, mul(U64F64, fromInt(U64F64, input.amount), rate));
}

/**
 * Fee recomputed when a price limit cut the input to `deltaIn` (net):
 * `floor(deltaIn * (rate / (65535 - rate)))`, the quotient truncated in U64F64 first.
 */
export function limitFee(input: {
  readonly deltaIn: bigint;
  readonly feeRate: number;
  readonly dropFees?: boolean;
}): bigint {
  const rate = fromInt(U64F64, input.dropFees === true ? 0 : input.feeRate);
  const ratio = safeDiv(U64F64, rate, sub(U64F64, fromInt(U64F64, U16_MAX), rate));
  return toU64(U64F64, mul(U64F64, fromInt(U64F64, input.deltaIn), ratio));
}
