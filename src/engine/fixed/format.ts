/**
 * Fixed-point formats of the chain (crate substrate-fixed v0.6.0), emulated on `bigint`.
 *
 * A fixed value is stored as its raw bits: the integer `raw` means `raw / 2^frac`. Every format
 * carries its storage range so that saturating operations clamp exactly where the chain does.
 * Values are branded with the format name so an I32F32 cannot be passed where a U64F64 is expected.
 */

/** Names of the fixed-point formats the chain uses (spec §1.2). */
export type FormatName = 'I32F32' | 'I64F64' | 'I96F32' | 'U96F32' | 'U64F64' | 'U110F18';

/** Raw bits of a value in format `N` (value = raw / 2^frac). */
export type Fixed<N extends FormatName> = bigint & { readonly __fixed: N };

/** A fixed-point format: fractional bits, signedness and the storage range of its raw bits. */
export interface FixedFormat<N extends FormatName = FormatName> {
  readonly name: N;
  /** Number of fractional bits. */
  readonly frac: bigint;
  readonly signed: boolean;
  /** Smallest raw value (the storage integer's minimum). */
  readonly min: Fixed<N>;
  /** Largest raw value (the storage integer's maximum). */
  readonly max: Fixed<N>;
  /** Raw bits of 1.0. */
  readonly one: Fixed<N>;
}

function makeFormat<N extends FormatName>(name: N, intBits: number, fracBits: number, signed: boolean) {
  const total = BigInt(intBits + fracBits);
  const min = signed ? -(1n << (total - 1n)) : 0n;
  const max = signed ? (1n << (total - 1n)) - 1n : (1n << total) - 1n;
  const format: FixedFormat<N> = {
    name,
    frac: BigInt(fracBits),
    signed,
    min: min as Fixed<N>,
    max: max as Fixed<N>,
    one: (1n << BigInt(fracBits)) as Fixed<N>,
  };
  return Object.freeze(format);
}

/** Signed, i64 storage, 32 fractional bits: every epoch vector and matrix. */
export const I32F32 = makeFormat('I32F32', 32, 32, true);
/** Signed, i128 storage, 64 fractional bits: stake normalisation, bond EMA, flow EMAs. */
export const I64F64 = makeFormat('I64F64', 64, 64, true);
/** Signed, i128 storage, 32 fractional bits: block emission, epoch rao products, stored moving price. */
export const I96F32 = makeFormat('I96F32', 96, 32, true);
/** Unsigned, u128 storage, 32 fractional bits: coinbase arithmetic. */
export const U96F32 = makeFormat('U96F32', 96, 32, false);
/** Unsigned, u128 storage, 64 fractional bits: shares, swap prices, moving-price update. */
export const U64F64 = makeFormat('U64F64', 64, 64, false);
/** Unsigned, u128 storage, 18 fractional bits: only the removed old burn rule. */
export const U110F18 = makeFormat('U110F18', 110, 18, false);

export type I32F32 = Fixed<'I32F32'>;
export type I64F64 = Fixed<'I64F64'>;
export type I96F32 = Fixed<'I96F32'>;
export type U96F32 = Fixed<'U96F32'>;
export type U64F64 = Fixed<'U64F64'>;
export type U110F18 = Fixed<'U110F18'>;

/** Integer ranges the chain converts to and from. */
export const U16_MAX = 65_535n;
export const U32_MAX = 4_294_967_295n;
export const U64_MAX = (1n << 64n) - 1n;
export const I64_MAX = (1n << 63n) - 1n;
export const U128_MAX = (1n << 128n) - 1n;
