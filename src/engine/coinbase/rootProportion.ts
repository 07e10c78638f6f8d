/**
 * Root proportion of a subnet, spec §4.6 (`coinbase/block_step.rs: root_proportion`) and the tao weight
 * it uses (§6.3, `get_tao_weight`).
 */
import { add, fromInt, fromU64Proportion, mul, safeDiv, U96F32 } from '../fixed/index.ts';

/** Runtime default `TaoWeight` (u64 proportion, ≈ 0.0527). */
export const DEFAULT_TAO_WEIGHT_RAW = 971_718_665_099_567_868n;
/** `TaoWeight` set by the dTAO migration (≈ 0.18), the mainnet value. */
export const MAINNET_TAO_WEIGHT_RAW = 3_320_413_933_267_719_290n;

/** `get_tao_weight`: TaoWeight / u64::MAX as a truncating U96F32 division. */
export function taoWeight(raw: bigint): U96F32 {
  return fromU64Proportion(U96F32, raw);
}

/**
 * root_proportion = w / (w + alphaIssuance) with w = rootTao * taoWeight (U96F32: product floored, quotient
 * truncated; 0 when the denominator is 0).
 * @example rootProportion({ rootTao: 10n ** 12n, taoWeight: taoWeight(MAINNET_TAO_WEIGHT_RAW), alphaIssuance: 10n ** 11n }) // ≈ 0.642857
 */
export function rootProportion(input: {
  /** `SubnetTAO[root]`, rao. */
  readonly rootTao: bigint;
  /** {@link taoWeight} (U96F32). */
  readonly taoWeight: U96F32;
  /** AlphaIn + AlphaOut of the subnet. */
  readonly alphaIssuance: bigint;
}): U96F32 {
  const weighted = mul(U96F32, fromInt(U96F32, input.rootTao), input.taoWeight);
  return safeDiv(U96F32, weighted, add(U96F32, weighted, fromInt(U96F32, input.alphaIssuance)));
}
