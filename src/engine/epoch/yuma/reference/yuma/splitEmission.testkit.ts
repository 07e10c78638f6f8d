/**
 * `split_emissions` (spec §7.8): the epoch's alpha split across a subnet's mechanisms by
 * `MechanismEmissionSplit` (u16 shares of 65535, floored), or evenly; the rounding remainder goes to
 * mechanism 0.
 */
import { U16_MAX, U64_MAX } from '../fixed/index.testkit.ts';

/** Inputs of {@link splitEmission}. */
export interface SplitEmissionInput {
  readonly raoEmission: bigint;
  /** `MechanismCountCurrent` (>= 1). */
  readonly count: number;
  /** Stored split (u16 shares), or omitted for an even split. */
  readonly split?: readonly number[] | undefined;
}

/** Alpha per mechanism, mechanism 0 first; the parts sum to `raoEmission`. */
export function splitEmission({ raoEmission, count, split }: SplitEmissionInput): bigint[] {
  const parts =
    split === undefined
      ? new Array<bigint>(count).fill(count === 0 ? 0n : raoEmission / BigInt(count))
      : split.map((s) => (raoEmission * BigInt(s)) / U16_MAX);
  // A stored split shorter than the count pads with zeros; a longer one is cut.
  const result = Array.from({ length: count }, (_, k) => parts[k] ?? 0n);
  const total = result.reduce((a, b) => a + b, 0n);
  const remainder = raoEmission > total ? raoEmission - total : 0n;
  if (result.length > 0) {
    const first = result[0]! + remainder;
    result[0] = first > U64_MAX ? U64_MAX : first;
  }
  return result;
}
