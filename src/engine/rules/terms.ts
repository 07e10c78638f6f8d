/**
 * Subnet terms (tao_in, alpha_in, excess) of the older packs. dtao: spec rulepacks.md §2.4 (launch rule
 * e2b8367b, subsidy rule c329448d / 6309d359 with alpha_in = E from 835a2c90). taoflow and netflow: §3.5
 * (`get_subnet_terms`, cap A_i from 6a76ecc0, min(A_i, E) from 8834a7c7). U96F32 throughout.
 */
import { convert, fromInt, min, mul, safeDiv, sub, U64F64, U96F32 } from '../fixed/index.ts';

/** Terms of one subnet for one block. */
export interface PackTerms {
  readonly taoIn: U96F32;
  readonly alphaIn: U96F32;
  /** TAO spent on a chain buy (subsidy rule or cap excess). */
  readonly excessTao: U96F32;
  /** dtao subsidy: the subnet was subsidised (its root alpha is neither sold nor paid). */
  readonly subsidised: boolean;
}

/** Inputs shared by the term rules. */
export interface PackTermsInput {
  /** T_i = E·s_i (U96F32). */
  readonly taoEmission: U96F32;
  /** Spot price (U64F64; 1 for stable subnets). */
  readonly price: U64F64;
  /** A_i: the subnet's alpha emission for its issuance, rao. */
  readonly alphaEmission: bigint;
  /** E: the block's TAO emission, rao. */
  readonly blockEmission: bigint;
}

/**
 * dtao launch rule: all of T injected, alpha_in = min(T/p, A) (A when p is 0).
 * @example dtaoLaunchTerms({ taoEmission: 333_333_333n·2^32, price: 0.25, alphaEmission: 1e9, blockEmission: 1e9 }) // alpha_in = 1e9
 */
export function dtaoLaunchTerms(input: PackTermsInput): PackTerms {
  const a = fromInt(U96F32, input.alphaEmission);
  const p = convert(U64F64, U96F32, input.price);
  const alphaIn = p === 0n ? a : min(safeDiv(U96F32, input.taoEmission, p), a);
  return { taoIn: input.taoEmission, alphaIn, excessTao: 0n as U96F32, subsidised: false };
}

/**
 * dtao subsidy rule: if p < T/E then tao_in = p·E, alpha_in = E and the rest of T buys alpha (recycled);
 * otherwise tao_in = T and alpha_in = T/p.
 */
export function dtaoSubsidyTerms(input: PackTermsInput): PackTerms {
  const p = convert(U64F64, U96F32, input.price);
  const e = fromInt(U96F32, input.blockEmission);
  const share = safeDiv(U96F32, input.taoEmission, e);
  if (p < share) {
    const taoIn = mul(U96F32, p, e);
    return {
      taoIn,
      alphaIn: e,
      excessTao: sub(U96F32, input.taoEmission, taoIn),
      subsidised: true,
    };
  }
  return {
    taoIn: input.taoEmission,
    alphaIn: safeDiv(U96F32, input.taoEmission, p),
    excessTao: 0n as U96F32,
    subsidised: false,
  };
}

/** dtao terms under the `dtaoTerms` setting in force: the launch or the subsidy rule. */
export function dtaoTerms(input: PackTermsInput, rule: 'launch' | 'subsidy'): PackTerms {
  return rule === 'launch' ? dtaoLaunchTerms(input) : dtaoSubsidyTerms(input);
}

/**
 * taoflow / netflow terms: alpha_in = T/p (0 if p is 0) capped at A (or min(A, E)); when capped,
 * tao_in = cap·p and the excess T − tao_in is chain-bought.
 * @example flowTerms({ taoEmission: 3e8, price: 0.1, alphaEmission: 1e9, blockEmission: 1e9 }, 'min-block-emission') // tao_in 1e8, excess 2e8
 */
export function flowTerms(input: PackTermsInput, cap: 'alpha-emission' | 'min-block-emission'): PackTerms {
  const p = convert(U64F64, U96F32, input.price);
  const a = fromInt(U96F32, input.alphaEmission);
  const limit = cap === 'alpha-emission' ? a : min(a, fromInt(U96F32, input.blockEmission));
  let taoIn = input.taoEmission;
  let alphaIn = safeDiv(U96F32, input.taoEmission, p);
  if (alphaIn > limit) {
    alphaIn = limit;
    taoIn = mul(U96F32, limit, p);
  }
  return { taoIn, alphaIn, excessTao: sub(U96F32, input.taoEmission, taoIn), subsidised: false };
}

/** dtao shares with the I96F32 order of operations: T_i = E·m_i / Σm (0 when Σm is 0). */
export function dtaoTaoEmissions(blockEmission: bigint, movingPrices: readonly U64F64[]): U96F32[] {
  const prices = movingPrices.map((m) => convert(U64F64, U96F32, m));
  const total = prices.reduce((s, m) => (s + m) as U96F32, 0n as U96F32);
  const e = fromInt(U96F32, blockEmission);
  return prices.map((m) => safeDiv(U96F32, mul(U96F32, e, m), total));
}

/** dtao launch EMA (before the clamp and the slow start): m' = a·p + (1 − a)·m in I96F32-like U96F32. */
export function plainEma(input: {
  readonly alpha: U96F32;
  readonly spot: U96F32;
  readonly ema: U96F32;
}): U96F32 {
  return (mul(U96F32, input.alpha, input.spot) +
    mul(U96F32, sub(U96F32, U96F32.one, input.alpha), input.ema)) as U96F32;
}
