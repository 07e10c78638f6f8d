/**
 * Dividend arithmetic of `distribute_emission`, spec §4.10 steps 4, 6–8 and §6.5
 * (`coinbase/run_coinbase.rs: calculate_dividend_distribution, distribute_dividends_and_incentives,
 * get_self_contribution, get_parent_child_dividends_distribution`; `staking/stake_utils.rs:
 * get_inherited_for_hotkey_on_subnet`; `staking/claim_root.rs: increase_root_claimable_for_hotkey_and_subnet`).
 *
 * All U96F32 unless stated: products floor, quotients truncate (0 on a zero divisor), sums and differences
 * saturate; amounts become integers (floor, u64-saturating) only where the chain converts them.
 */
import {
  add,
  checkedDiv,
  fromInt,
  fromU16Proportion,
  fromU64Proportion,
  I96F32,
  mul,
  safeDiv,
  sub,
  toU64,
  U96F32,
} from '../fixed/index.ts';

const ZERO = 0n as U96F32;

/** One hotkey's epoch dividend and stakes for the alpha-vs-root split. */
export interface DividendStake {
  /** Dividend after the parent/child split (U96F32, alpha). */
  readonly dividend: U96F32;
  /** `TotalHotkeyAlpha[h][netuid]`, alpha. */
  readonly alphaStake: bigint;
  /** `TotalHotkeyAlpha[h][root]`, rao. */
  readonly rootStake: bigint;
}

/** Result of {@link dividendDistribution}, aligned with the input hotkeys (U96F32 alpha). */
export interface DividendDistribution {
  /** Share of the validator alpha. */
  readonly alpha: readonly U96F32[];
  /** Share of the pending root alpha. */
  readonly root: readonly U96F32[];
}

/**
 * `calculate_dividend_distribution`: per hotkey rp = r*tw / (a + r*tw), root_div = d*rp, alpha_div = d − root_div;
 * alpha payout = pendingAlpha * (alpha_div / Σ alpha_div), root payout = pendingRootAlpha * (root_div / Σ root_div)
 * (share divided first, then multiplied; a zero total pays nobody).
 * @example dividendDistribution({ pendingAlpha: 10n ** 9n, pendingRootAlpha: 0n, taoWeight, hotkeys })
 */
export function dividendDistribution(input: {
  /** Validator alpha to distribute (pending validator, plus server when incentives are all 0). */
  readonly pendingAlpha: bigint;
  /** `PendingRootAlphaDivs` drained this epoch. */
  readonly pendingRootAlpha: bigint;
  /** Tao weight (U96F32). */
  readonly taoWeight: U96F32;
  readonly hotkeys: readonly DividendStake[];
}): DividendDistribution {
  let totalAlpha = ZERO;
  let totalRoot = ZERO;
  const alphaDivs: U96F32[] = [];
  const rootDivs: U96F32[] = [];
  for (const h of input.hotkeys) {
    const rootAlpha = mul(U96F32, fromInt(U96F32, h.rootStake), input.taoWeight);
    const total = add(U96F32, fromInt(U96F32, h.alphaStake), rootAlpha);
    const rootProp = checkedDiv(U96F32, rootAlpha, total) ?? ZERO;
    const rootDiv = mul(U96F32, h.dividend, rootProp);
    const alphaDiv = sub(U96F32, h.dividend, rootDiv);
    alphaDivs.push(alphaDiv);
    rootDivs.push(rootDiv);
    totalAlpha = add(U96F32, totalAlpha, alphaDiv);
    totalRoot = add(U96F32, totalRoot, rootDiv);
  }
  const pendingAlpha = fromInt(U96F32, input.pendingAlpha);
  const pendingRoot = fromInt(U96F32, input.pendingRootAlpha);
  return {
    alpha: alphaDivs.map((d) => mul(U96F32, pendingAlpha, checkedDiv(U96F32, d, totalAlpha) ?? ZERO)),
    root: rootDivs.map((d) => mul(U96F32, pendingRoot, checkedDiv(U96F32, d, totalRoot) ?? ZERO)),
  };
}

/** Integer parts of a dividend after the hotkey's take. */
export interface TakeSplit {
  /** Staked to the hotkey's owner coldkey: floor(amount * take/65535). */
  readonly take: bigint;
  /** The rest, floored: added to the hotkey's pool (alpha) or to root claimable (root). */
  readonly rest: bigint;
}

/** §4.10 steps 7–8: take = (Delegates[h]/65535) * amount (U96F32), rest = amount − take; each floored to u64. */
export function takeSplit(input: { readonly amount: U96F32; readonly takeU16: number }): TakeSplit {
  const take = mul(U96F32, fromU16Proportion(U96F32, input.takeU16), input.amount);
  return { take: toU64(U96F32, take), rest: toU64(U96F32, sub(U96F32, input.amount, take)) };
}

/**
 * Where a root dividend (after take) goes: `claimable` adds `rate` (I96F32 alpha per rao of root stake) to
 * `RootClaimable[h][netuid]`; `stake` stakes `amount` as alpha on the subnet to h's owner coldkey.
 */
export type RootClaimableIncrement =
  | { readonly kind: 'claimable'; readonly rate: I96F32 }
  | { readonly kind: 'stake'; readonly amount: bigint };

/**
 * `increase_root_claimable_for_hotkey_and_subnet`: rate = amount / rootStake (I96F32, truncating; 0 if the
 * stake is 0); when amount exceeds the root stake it is staked to the owner instead.
 */
export function rootClaimableIncrement(input: {
  readonly amount: bigint;
  readonly rootStake: bigint;
}): RootClaimableIncrement {
  if (input.amount > input.rootStake) return { kind: 'stake', amount: input.amount };
  const rate = checkedDiv(I96F32, fromInt(I96F32, input.amount), fromInt(I96F32, input.rootStake));
  return { kind: 'claimable', rate: rate ?? (0n as I96F32) };
}

/**
 * §4.10 step 6 `MinerBurned`: withheld / total miner incentive (U96F32, truncating; 0 when total is 0).
 */
export function minerBurnedProportion(input: { readonly withheld: bigint; readonly total: bigint }): U96F32 {
  return checkedDiv(U96F32, fromInt(U96F32, input.withheld), fromInt(U96F32, input.total)) ?? ZERO;
}

/** 1 − Σ p_child (each p = proportion/u64::MAX, truncating), saturating at 0. */
function remainingProportion(childProportions: readonly bigint[]): U96F32 {
  return childProportions.reduce<U96F32>(
    (rest, p) => sub(U96F32, rest, fromU64Proportion(U96F32, p)),
    U96F32.one,
  );
}

/** Inputs of {@link inheritedStake}. */
export interface InheritedStakeInput {
  /** The hotkey's own stake (`TotalHotkeyAlpha` on the subnet, or on root for the TAO variant). */
  readonly own: bigint;
  /** Its children's proportions (u64 of u64::MAX). */
  readonly childProportions: readonly bigint[];
  /** Its parents: each parent's own stake (same netuid as `own`) and proportion towards this hotkey. */
  readonly parents: readonly { readonly stake: bigint; readonly proportion: bigint }[];
}

/**
 * `get_inherited_for_hotkey_on_subnet` / `get_tao_inherited_for_hotkey_on_subnet`:
 * own − Σ own*p_child + Σ parent*p_parent in U96F32 (products floored, the subtraction saturating at 0),
 * floored to u64. On root the chain returns `own` unchanged (the caller's check).
 */
export function inheritedStake(input: InheritedStakeInput): bigint {
  const own = fromInt(U96F32, input.own);
  const toChildren = input.childProportions.reduce<U96F32>(
    (s, p) => add(U96F32, s, mul(U96F32, own, fromU64Proportion(U96F32, p))),
    ZERO,
  );
  const fromParents = input.parents.reduce<U96F32>(
    (s, p) => add(U96F32, s, mul(U96F32, fromInt(U96F32, p.stake), fromU64Proportion(U96F32, p.proportion))),
    ZERO,
  );
  return toU64(U96F32, add(U96F32, sub(U96F32, own, toChildren), fromParents));
}

/** A hotkey's own stakes and children, as used by the dividend split. */
export interface ContributorStake {
  /** `TotalHotkeyAlpha[h][netuid]`, alpha. */
  readonly alpha: bigint;
  /** `TotalHotkeyAlpha[h][root]`, rao. */
  readonly root: bigint;
}

/**
 * `get_self_contribution`: floor(alpha*(1 − Σp_child) + root*(1 − Σp_child)*tw) in U96F32, as u64.
 */
export function selfContribution(input: {
  readonly stake: ContributorStake;
  readonly childProportions: readonly bigint[];
  readonly taoWeight: U96F32;
}): bigint {
  const rest = remainingProportion(input.childProportions);
  const alpha = mul(U96F32, fromInt(U96F32, input.stake.alpha), rest);
  const root = mul(U96F32, mul(U96F32, fromInt(U96F32, input.stake.root), rest), input.taoWeight);
  return toU64(U96F32, add(U96F32, alpha, root));
}

/** One parent of the hotkey in {@link parentChildDividends}. */
export interface ParentStake extends ContributorStake {
  /** The parent's proportion towards this hotkey (u64 of u64::MAX). */
  readonly proportion: bigint;
  /** The parent's owner coldkey is the hotkey's owner coldkey (then no take and no burn). */
  readonly sameOwner: boolean;
}

/** Inputs of {@link parentChildDividends}. */
export interface ParentChildInput {
  /** The hotkey's epoch dividend, alpha. */
  readonly dividend: bigint;
  /** The hotkey's own stakes. */
  readonly stake: ContributorStake;
  /** Its children's proportions (u64 of u64::MAX). */
  readonly childProportions: readonly bigint[];
  /** Its parents, in `get_parents` order. */
  readonly parents: readonly ParentStake[];
  /** `ChildkeyTake[h][netuid]` (u16 of 65535). */
  readonly childkeyTakeU16: number;
  /** `CKBurn / u64::MAX` (U96F32, `fromU64Proportion`). */
  readonly ckBurn: U96F32;
  /** Tao weight (U96F32). */
  readonly taoWeight: U96F32;
}

/** Result of {@link parentChildDividends} (alpha, integers). */
export interface ParentChildDividends {
  /** Dividend of each parent, aligned with `parents`. */
  readonly parents: readonly bigint[];
  /** Dividend kept by the hotkey (its own share plus the child takes). */
  readonly self: bigint;
  /** Recycled by CKBurn: Σ floor(burn) over parents with another owner. */
  readonly burned: bigint;
}

/**
 * `get_parent_child_dividends_distribution`: total = self contribution + Σ parent contribution
 * (alpha*p + root*p*tw, not floored); each parent gets D * (contribution/total), less CKBurn and the childkey
 * take when it has another owner, floored; the hotkey gets floor(D − Σ parents' pre-take parts + Σ takes).
 * As on chain, CKBurn + take above 1 saturates the parent at 0 and pays out more than D in total.
 * @example parentChildDividends({ dividend: 10n ** 9n, stake, childProportions: [], parents: [], childkeyTakeU16: 0, ckBurn, taoWeight })
 */
export function parentChildDividends(input: ParentChildInput): ParentChildDividends {
  const emission = fromInt(U96F32, input.dividend);
  const childTake = fromU16Proportion(U96F32, input.childkeyTakeU16);
  const self = selfContribution(input);
  const contributions = input.parents.map((p) => {
    const prop = fromU64Proportion(U96F32, p.proportion);
    const alpha = mul(U96F32, fromInt(U96F32, p.alpha), prop);
    const root = mul(U96F32, mul(U96F32, fromInt(U96F32, p.root), prop), input.taoWeight);
    return add(U96F32, alpha, root);
  });
  const total = contributions.reduce((s, c) => add(U96F32, s, c), fromInt(U96F32, self));

  let remaining = emission;
  let totalChildTake = ZERO;
  let burned = 0n;
  const parents = input.parents.map((p, i) => {
    const factor = safeDiv(U96F32, contributions[i] ?? ZERO, total);
    let share = mul(U96F32, emission, factor);
    remaining = sub(U96F32, remaining, share);
    if (!p.sameOwner) {
      const burn = mul(U96F32, input.ckBurn, share);
      const take = mul(U96F32, childTake, share);
      share = sub(U96F32, sub(U96F32, share, burn), take);
      totalChildTake = add(U96F32, totalChildTake, take);
      burned += toU64(U96F32, burn);
    }
    return toU64(U96F32, share);
  });
  return { parents, self: toU64(U96F32, add(U96F32, remaining, totalChildTake)), burned };
}
