/**
 * TAO paid out when a subnet is dissolved, spec §9.5 (`staking/remove_stake.rs:
 * destroy_alpha_in_out_stakes`).
 */
import { convert, fromInt, fromU16Proportion, mul, toU64, U64_MAX, U64F64, U96F32 } from '../fixed/index.ts';

/** Inputs of {@link dissolutionPayout}. */
export interface DissolutionInput {
  /** `SubnetTAO` of the dissolved subnet, rao. */
  readonly pot: bigint;
  /**
   * Alpha value of every (hotkey, coldkey) stake in the chain's iteration order; entries of value 0 get
   * nothing and take no part in the rounding.
   */
  readonly holdings: readonly bigint[];
  /**
   * Protocol-held alpha: `SubnetProtocolAlpha`, plus `SubnetAlphaIn` for subnets registered after
   * `TaoInRefundDeploymentBlock`.
   */
  readonly protocolAlpha: bigint;
}

/** Result of {@link dissolutionPayout} (rao). */
export interface DissolutionPayout {
  /** TAO credited to each holding's coldkey, aligned with `holdings`. */
  readonly payouts: readonly bigint[];
  /** The protocol's pro-rata part: not paid out. */
  readonly protocolShare: bigint;
  /** Pot not paid to holders (protocol share, or the whole pot when nobody holds alpha): recycled. */
  readonly recycled: bigint;
}

/**
 * Pro-rata split of the pot by alpha value, largest remainder: each part is floor(pot * value / total)
 * (capped at u64), then the leftover rao go one each to the largest remainders (stable: ties keep order,
 * the protocol entry last). The protocol's part and any undistributed pot are recycled. The legacy owner
 * refund and other subnet-account balances are the caller's (see {@link legacyOwnerRefund}).
 * @example dissolutionPayout({ pot: 10n, holdings: [1n, 1n, 1n], protocolAlpha: 0n }) // payouts [4n, 3n, 3n]
 */
export function dissolutionPayout(input: DissolutionInput): DissolutionPayout {
  const { pot, holdings, protocolAlpha } = input;
  const total = holdings.reduce((s, v) => (v > 0n ? s + v : s), protocolAlpha);
  const payouts = holdings.map(() => 0n);
  if (pot === 0n || total === 0n) return { payouts, protocolShare: 0n, recycled: pot };

  type Portion = { readonly index: number; share: bigint; readonly rem: bigint };
  const portions: Portion[] = [];
  const part = (value: bigint, index: number): void => {
    const prod = pot * value;
    const share = prod / total;
    portions.push({ index, share: share > U64_MAX ? U64_MAX : share, rem: prod % total });
  };
  holdings.forEach((v, i) => {
    if (v > 0n) part(v, i);
  });
  if (protocolAlpha > 0n) part(protocolAlpha, -1);

  const distributed = portions.reduce((s, p) => s + p.share, 0n);
  const leftover = pot > distributed ? pot - distributed : 0n;
  if (leftover > 0n) {
    // Array.prototype.sort is stable, like Rust's sort_by.
    const order = [...portions].sort((a, b) => (a.rem > b.rem ? -1 : a.rem < b.rem ? 1 : 0));
    const give = leftover < BigInt(order.length) ? Number(leftover) : order.length;
    for (const p of order.slice(0, give)) p.share += 1n;
  }

  let protocolShare = 0n;
  for (const p of portions) {
    if (p.index < 0) protocolShare += p.share;
    else payouts[p.index] = p.share;
  }
  const paid = payouts.reduce((s, x) => s + x, 0n);
  return { payouts, protocolShare, recycled: pot - paid };
}

/** Inputs of {@link legacyOwnerRefund}. */
export interface LegacyRefundInput {
  /** `SubnetLocked`, rao. */
  readonly lockedTao: bigint;
  /** Alpha issuance of the subnet (AlphaIn + AlphaOut). */
  readonly alphaIssuance: bigint;
  /** `SubnetOwnerCut` (u16 of 65535). */
  readonly ownerCutU16: number;
  /** Current spot price (U64F64). */
  readonly spotPrice: U64F64;
  /** Subnet account balance after the payouts, minus the protocol share (what may be transferred). */
  readonly transferable: bigint;
}

/**
 * Owner refund of subnets registered before `NetworkRegistrationStartBlock`:
 * min(transferable, max(0, locked − floor(floor(issuance * cut) * price))) in U96F32 (rao). Newer subnets get
 * no refund. The emission estimate is 0 when the lock is 0.
 */
export function legacyOwnerRefund(input: LegacyRefundInput): bigint {
  let ownerEmissionTao = 0n;
  if (input.lockedTao > 0n && input.alphaIssuance > 0n) {
    const cut = fromU16Proportion(U96F32, input.ownerCutU16);
    const ownerAlpha = toU64(U96F32, mul(U96F32, fromInt(U96F32, input.alphaIssuance), cut));
    if (ownerAlpha > 0n) {
      const price = convert(U64F64, U96F32, input.spotPrice);
      ownerEmissionTao = toU64(U96F32, mul(U96F32, fromInt(U96F32, ownerAlpha), price));
    }
  }
  const refund = input.lockedTao > ownerEmissionTao ? input.lockedTao - ownerEmissionTao : 0n;
  const room = input.transferable > 0n ? input.transferable : 0n;
  return refund < room ? refund : room;
}
