/**
 * Per-subnet TAO injection, alpha injection, excess TAO and alpha out for one block, spec §4.5
 * (`coinbase/run_coinbase.rs: get_subnet_terms`).
 */
import { blockEmissionForIssuance } from '../emission/blockEmission.ts';
import { convert, fromInt, mul, safeDiv, sub, U64F64, U96F32 } from '../fixed/index.ts';

/** Terms of one subnet (U96F32; floored to integers only when injected, spent or minted). */
export interface SubnetTerms {
  /** TAO added to the pool reserve. */
  readonly taoIn: U96F32;
  /** Alpha added to the pool reserve. */
  readonly alphaIn: U96F32;
  /** TAO that cannot be injected: used for a chain buy. */
  readonly excessTao: U96F32;
  /** Alpha minted for participants (the subnet's block alpha emission). */
  readonly alphaOut: U96F32;
}

/** Inputs of {@link subnetTerms}. */
export interface SubnetTermsInput {
  /** This subnet's TAO emission (U96F32, from `subnetTaoEmissions`). */
  readonly taoEmission: U96F32;
  /** Pool spot price (U64F64); truncated to U96F32 here. */
  readonly price: U64F64;
  /** AlphaIn + AlphaOut before this block's minting. */
  readonly alphaIssuance: bigint;
  /** Root proportion before this block's minting (`rootProportion`). */
  readonly rootProportion: U96F32;
}

/**
 * `get_subnet_terms`: alpha_in = tao_emission / price (0 if price is 0); capped at
 * rootProportion * alpha_emission, in which case tao_in = cap * price; excess = tao_emission − tao_in;
 * alpha_out = block emission for the subnet's alpha issuance. U96F32 throughout.
 * @example subnetTerms({ taoEmission, price: U64F64.one, alphaIssuance: 10n ** 11n, rootProportion })
 */
export function subnetTerms(input: SubnetTermsInput): SubnetTerms {
  const alphaEmission = fromInt(U96F32, blockEmissionForIssuance(input.alphaIssuance));
  const price = convert(U64F64, U96F32, input.price);
  let taoIn = input.taoEmission;
  let alphaIn = safeDiv(U96F32, input.taoEmission, price);
  const cap = mul(U96F32, input.rootProportion, alphaEmission);
  if (alphaIn > cap) {
    alphaIn = cap;
    taoIn = mul(U96F32, alphaIn, price);
  }
  return {
    taoIn,
    alphaIn,
    excessTao: sub(U96F32, input.taoEmission, taoIn),
    alphaOut: alphaEmission,
  };
}
