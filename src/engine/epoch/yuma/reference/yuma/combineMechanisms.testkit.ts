/**
 * Combining mechanisms into the subnet's stored values (`epoch_with_mechanisms`, spec §7.8): emissions
 * are summed, stored u16 values and the combined emission are emission-weighted sums in U64F64
 * (floored at each step), and the flags are ORed.
 */
import { add, fromInt, mul, safeDivOr, U64_MAX, U64F64 } from '../fixed/index.testkit.ts';
import type { MechanismTerms } from './types.testkit.ts';

/** Inputs of {@link mechanismWeight}. */
export interface MechanismWeightInput {
  /** This mechanism's part of the emission. */
  readonly part: bigint;
  /** The whole epoch emission. */
  readonly total: bigint;
  readonly index: number;
}

/** A mechanism's weight `part / total` (U64F64, truncating); with nothing to split mechanism 0 takes 1. */
export function mechanismWeight({ part, total, index }: MechanismWeightInput): U64F64 {
  return safeDivOr(
    U64F64,
    fromInt(U64F64, part),
    fromInt(U64F64, total),
    fromInt(U64F64, index === 0 ? 1 : 0),
  );
}

/** One step of `weighted_acc_*`: `existing + added * weight` in U64F64, floored and saturated to `max`. */
interface WeightedAccStep {
  readonly existing: bigint;
  readonly added: bigint;
  readonly weight: U64F64;
  readonly max: bigint;
}

function weightedAcc({ existing, added, weight, max }: WeightedAccStep): bigint {
  const v =
    add(U64F64, fromInt(U64F64, existing), mul(U64F64, fromInt(U64F64, added), weight)) >> U64F64.frac;
  return v > max ? max : v;
}

const saturatingU64 = (a: bigint, b: bigint): bigint => (a + b > U64_MAX ? U64_MAX : a + b);

/** One mechanism's terms with its weight. */
export interface WeightedTerms {
  readonly terms: MechanismTerms;
  readonly weight: U64F64;
}

/** The subnet-level values `persist_netuid_epoch_terms` stores, plus the summed emissions. */
export interface CombinedTerms {
  readonly serverEmission: bigint[];
  readonly validatorEmission: bigint[];
  readonly emission: bigint[];
  readonly stakeWeight: number[];
  readonly consensus: number[];
  readonly dividends: number[];
  readonly validatorTrust: number[];
  readonly active: boolean[];
  readonly validatorPermit: boolean[];
}

/** Fold the mechanisms (in order) into per-UID subnet values over `n` UIDs. */
export function combineMechanisms(mechanisms: readonly WeightedTerms[], n: number): CombinedTerms {
  const u16 = () => new Array<number>(n).fill(0);
  const big = () => new Array<bigint>(n).fill(0n);
  const out: CombinedTerms = {
    serverEmission: big(),
    validatorEmission: big(),
    emission: big(),
    stakeWeight: u16(),
    consensus: u16(),
    dividends: u16(),
    validatorTrust: u16(),
    active: new Array<boolean>(n).fill(false),
    validatorPermit: new Array<boolean>(n).fill(false),
  };
  const accU16 = (acc: number[], added: readonly number[], w: U64F64) => {
    for (let i = 0; i < n; i++)
      acc[i] = Number(
        weightedAcc({ existing: BigInt(acc[i]!), added: BigInt(added[i] ?? 0), weight: w, max: 65_535n }),
      );
  };
  for (const { terms, weight } of mechanisms) {
    for (let i = 0; i < n; i++) {
      out.serverEmission[i] = saturatingU64(out.serverEmission[i]!, terms.serverEmission[i] ?? 0n);
      out.validatorEmission[i] = saturatingU64(out.validatorEmission[i]!, terms.validatorEmission[i] ?? 0n);
      out.emission[i] = weightedAcc({
        existing: out.emission[i]!,
        added: terms.emission[i] ?? 0n,
        weight,
        max: U64_MAX,
      });
      out.active[i] = out.active[i]! || terms.active[i] === true;
      out.validatorPermit[i] = out.validatorPermit[i]! || terms.validatorPermit[i] === true;
    }
    accU16(out.stakeWeight, terms.stakeWeight, weight);
    accU16(out.consensus, terms.consensus, weight);
    accU16(out.dividends, terms.dividends, weight);
    accU16(out.validatorTrust, terms.validatorTrust, weight);
  }
  return out;
}
