/**
 * Where the mechanism add-ons meet the chain: call dispatch, the block hook after the coinbase, the
 * share step, and dissolution. Each hook returns at once on a chain without mechanisms.
 */
import type { CallContext } from '../chain/context.ts';
import type { Rejection } from '../errors.ts';
import type { Draft } from '../state/draft.ts';
import type { NetUid } from '../types.ts';
import { updateMechanisms } from './common.ts';
import { computeBuy, computeEpoch, computeReport, computeSetPrice } from './computeMarket/computeMarket.ts';
import {
  closeCovenantPeriods,
  covenantAttest,
  covenantCure,
  covenantOnDissolve,
  covenantOpen,
  covenantPay,
} from './covenant/covenant.ts';
import {
  creditsBuy,
  creditsCreateSale,
  creditsRedeem,
  creditsServe,
  expireRedemptions,
} from './credits/credits.ts';
import type { MechanismExtrinsic } from './extrinsics.ts';
import { blendUsageShares, stepUsageEma, usageEma, usagePay } from './usageEmission/usageEmission.ts';
import { burnDarkVesting, vestingClaim, vestingOnDissolve } from './vesting/vesting.ts';

/** Apply a mechanism call (rejections carry stable codes; `MechanismDisabled` when switched off). */
export function dispatchMechanism(ctx: CallContext, ext: MechanismExtrinsic): Rejection | null {
  switch (ext.call) {
    case 'covenant_open':
      return covenantOpen(ctx, ext);
    case 'covenant_attest':
      return covenantAttest(ctx, ext);
    case 'covenant_pay':
      return covenantPay(ctx, ext);
    case 'covenant_cure':
      return covenantCure(ctx, ext);
    case 'vesting_claim':
      return vestingClaim(ctx, ext);
    case 'credits_create_sale':
      return creditsCreateSale(ctx, ext);
    case 'credits_buy':
      return creditsBuy(ctx, ext);
    case 'credits_redeem':
      return creditsRedeem(ctx, ext);
    case 'credits_serve':
      return creditsServe(ctx, ext);
    case 'usage_pay':
      return usagePay(ctx, ext);
    case 'compute_set_price':
      return computeSetPrice(ctx, ext);
    case 'compute_buy':
      return computeBuy(ctx, ext);
    case 'compute_report':
      return computeReport(ctx, ext);
  }
}

/** Block hook after the coinbase (and the epochs it ran): period ends, deadlines, dark checks, mints. */
export function mechanismsAfterCoinbase(ctx: CallContext): void {
  if (ctx.draft.mechanisms === undefined) return;
  closeCovenantPeriods(ctx);
  expireRedemptions(ctx);
  burnDarkVesting(ctx);
  stepUsageEma(ctx);
  computeEpoch(ctx);
}

/**
 * The share step's add-ons, after the pack's shares: usage blending, then the covenant/credits cut
 * (a cut subnet's TAO emission is zero; its TAO is recycled with the unspent credit).
 * `taoEmission` is U96F32 raw bits aligned with `ids`.
 */
export function mechanismShares(
  draft: Draft,
  ids: readonly NetUid[],
  taoEmission: readonly bigint[],
): bigint[] {
  const m = draft.mechanisms;
  if (m === undefined) return [...taoEmission];
  const eligible = ids.map((id) => !m.cut.has(id) && draft.read(id).emissionEnabled);
  const usage = m.params.usageEmission;
  const blended =
    usage === null
      ? [...taoEmission]
      : blendUsageShares({ params: usage, ema: (id) => usageEma(draft, id), ids, eligible, taoEmission });
  return blended.map((t, i) => (m.cut.has(ids[i]!) ? 0n : t));
}

/** Dissolution hook, before the pool is paid out: slash the bond, settle vesting, forget the subnet. */
export function mechanismsOnDissolve(ctx: CallContext, id: NetUid): void {
  const m = ctx.draft.mechanisms;
  if (m === undefined) return;
  covenantOnDissolve(ctx, id);
  vestingOnDissolve(ctx, id);
  const after = ctx.draft.mechanisms!;
  const cut = new Map(after.cut);
  const usage = new Map(after.usage);
  const lastService = new Map(after.lastService);
  cut.delete(id);
  usage.delete(id);
  lastService.delete(id);
  updateMechanisms(ctx.draft, { cut, usage, lastService });
}
