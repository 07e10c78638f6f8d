/**
 * Split of a subnet's block alpha_out into owner cut, miner (server), validator and root alpha, spec §4.8
 * (`coinbase/run_coinbase.rs: emit_to_subnets`).
 */
import { fromU16Proportion, mul, sub, toU64, U96F32 } from '../fixed/index.ts';

/** 0.5 in U96F32 (exact). */
const HALF = (1n << 31n) as U96F32;

/** `get_float_subnet_owner_cut`: SubnetOwnerCut / 65535 as a truncating U96F32 division. */
export function ownerCutFraction(ownerCutU16: number): U96F32 {
  return fromU16Proportion(U96F32, ownerCutU16);
}

/** Inputs of {@link pendingSplit}. */
export interface PendingSplitInput {
  /** The subnet's alpha_out for this block (U96F32, from `subnetTerms`). */
  readonly alphaOut: U96F32;
  /** {@link ownerCutFraction} (U96F32). */
  readonly ownerCut: U96F32;
  /** `OwnerCutEnabled[netuid]`. */
  readonly ownerCutEnabled: boolean;
  /** Root proportion measured after this block's alpha_in and alpha_out were minted (U96F32). */
  readonly rootProportion: U96F32;
  /** Root sell flag (§4.4): root alpha accumulates when true, is recycled when false. */
  readonly rootSell: boolean;
}

/** Integer amounts of one block's split (raw alpha, each floored from its U96F32 value). */
export interface PendingSplit {
  /** Alpha minted into AlphaOut: floor(alpha_out). */
  readonly minted: bigint;
  /** Added to `PendingOwnerCut`. */
  readonly ownerCut: bigint;
  /** Added to `PendingServerEmission`. */
  readonly server: bigint;
  /** Added to `PendingValidatorEmission`. */
  readonly validator: bigint;
  /** Added to `PendingRootAlphaDivs` (0 when root sell is off). */
  readonly rootAlpha: bigint;
  /** Recycled from AlphaOut (the root alpha when root sell is off). */
  readonly recycled: bigint;
}

/**
 * owner_cut = alpha_out * cut (if enabled), rest = alpha_out − owner_cut, root_alpha = rp * rest * 0.5,
 * server = rest * 0.5, validator = (rest − server) − root_alpha; U96F32 products floor and each amount is
 * floored to an integer separately, so the parts sum to at most `minted` (+ rounding of the owner cut).
 * @example pendingSplit({ alphaOut, ownerCut: ownerCutFraction(0), ownerCutEnabled: true, rootProportion, rootSell: true })
 */
export function pendingSplit(input: PendingSplitInput): PendingSplit {
  let rest = input.alphaOut;
  let ownerCut = 0n;
  if (input.ownerCutEnabled) {
    const cut = mul(U96F32, rest, input.ownerCut);
    rest = sub(U96F32, rest, cut);
    ownerCut = toU64(U96F32, cut);
  }
  const rootAlpha = mul(U96F32, mul(U96F32, input.rootProportion, rest), HALF);
  const server = mul(U96F32, rest, HALF);
  const validator = sub(U96F32, sub(U96F32, rest, server), rootAlpha);
  const root = toU64(U96F32, rootAlpha);
  return {
    minted: toU64(U96F32, input.alphaOut),
    ownerCut,
    server: toU64(U96F32, server),
    validator: toU64(U96F32, validator),
    rootAlpha: input.rootSell ? root : 0n,
    recycled: input.rootSell ? 0n : root,
  };
}
