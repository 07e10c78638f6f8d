/**
 * TAO emission shares per subnet and each subnet's TAO emission, spec §4.2 and §4.4
 * (`coinbase/subnet_emissions.rs: get_shares, get_shares_price_ema, get_subnet_block_emissions`,
 * `coinbase/run_coinbase.rs: get_network_root_sell_flag`).
 *
 * All U64F64: divisions truncate (0 on a zero divisor or overflow), products floor, sums saturate.
 */
import { add, convert, fromInt, min, mul, safeDiv, sub, U64F64, U96F32 } from '../fixed/index.ts';

const ZERO = 0n as U64F64;
const sum = (xs: readonly U64F64[]): U64F64 => xs.reduce((s, x) => add(U64F64, s, x), ZERO);

/** `get_shares_price_ema`: p_i / Σ p (U64F64, truncating; all 0 when the sum is 0). */
export function priceEmaShares(movingPrices: readonly U64F64[]): U64F64[] {
  const total = sum(movingPrices);
  return movingPrices.map((p) => safeDiv(U64F64, p, total));
}

/** One subnet's inputs to the share rule. */
export interface ShareInput {
  /** `get_moving_alpha_price` (U64F64). */
  readonly movingPrice: U64F64;
  /** `MinerBurned` (U96F32 in [0, 1]; larger values act as 1). */
  readonly minerBurned: U96F32;
}

/**
 * `get_shares`: price-EMA shares weighted by (1 − min(MinerBurned, 1)) and renormalised (U64F64); when
 * every weight is 0 the unweighted price shares are returned.
 */
export function emissionShares(subnets: readonly ShareInput[]): U64F64[] {
  const priceShares = priceEmaShares(subnets.map((s) => s.movingPrice));
  const weighted = priceShares.map((share, i) => {
    const burned = min(convert(U96F32, U64F64, subnets[i]?.minerBurned ?? (0n as U96F32)), U64F64.one);
    return mul(U64F64, share, sub(U64F64, U64F64.one, burned));
  });
  const total = sum(weighted);
  return total > 0n ? weighted.map((w) => safeDiv(U64F64, w, total)) : priceShares;
}

/** One subnet's inputs to {@link subnetTaoEmissions}. */
export interface EmissionInput extends ShareInput {
  /** `SubnetEmissionEnabled`. */
  readonly emissionEnabled: boolean;
}

/**
 * `get_subnet_block_emissions`: shares (above); if any subnet is disabled, enabled shares are divided by
 * their sum and disabled ones get 0; emission_i = blockEmission * share_i as a U64F64 product stored as
 * U96F32 (floored). Output aligned with `subnets` (U96F32 rao).
 * @example subnetTaoEmissions({ blockEmission: 3_333_333n, subnets }) // three equal prices -> 1_111_110.99.. each
 */
export function subnetTaoEmissions(input: {
  /** TAO minted this block (the credit), rao. */
  readonly blockEmission: bigint;
  readonly subnets: readonly EmissionInput[];
}): U96F32[] {
  const shares = emissionShares(input.subnets);
  const enabled = input.subnets.map((s) => s.emissionEnabled);
  const anyDisabled = enabled.includes(false);
  const enabledSum = sum(shares.filter((_, i) => enabled[i]));
  const emission = fromInt(U64F64, input.blockEmission);
  return shares.map((share, i) => {
    let s = share;
    if (anyDisabled) s = enabled[i] && enabledSum > 0n ? safeDiv(U64F64, share, enabledSum) : ZERO;
    return convert(U64F64, U96F32, mul(U64F64, emission, s));
  });
}

/** `get_network_root_sell_flag`: Σ moving prices (U64F64, saturating) > 1. */
export function rootSellFlag(movingPrices: readonly U64F64[]): boolean {
  return sum(movingPrices) > U64F64.one;
}
