/**
 * The binding mechanisms as the chain's add-on (`ChainAddOn`): call dispatch, the block step after the
 * coinbase, the share step, the owner cut, dissolution, and their part of the supply identities. Each
 * hook returns at once on a chain whose genesis switched no mechanism on.
 */

import type { ChainAddOn } from '../chain/addOn.ts';
import type { ChainRejectionCode } from '../chain/chainRejectionCodes.ts';
import type { Draft } from '../state/draft.ts';
import type { ChainState } from '../state/types.ts';
import type { NetUid } from '../types.ts';
import { updateMechanisms } from './common.ts';
import { computeBuy, computeEpoch, computeReport, computeSetPrice } from './computeMarket/computeMarket.ts';
import { mechanismTaoHeld, vestingAlphaHeld } from './config.ts';
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
import type { MechanismEvent } from './events.ts';
import { MECHANISM_CALL_NAMES, type MechanismExtrinsic } from './extrinsics.ts';
import type { MechanismContext } from './mechanismContext.ts';
import { mechanismProblems } from './mechanismProblems.ts';
import type { MechanismRejection, MechanismRejectionCode } from './mechanismRejectionCodes.ts';
import { MECHANISMS_ADD_ON, mechanismsOf } from './mechanismsOf.ts';
import { blendUsageShares, stepUsageEma, usageEma, usagePay } from './usageEmission/usageEmission.ts';
import { burnDarkVesting, vestingClaim, vestingOnDissolve, vestOwnerCut } from './vesting/vesting.ts';

/** Apply a mechanism call (rejections carry stable codes; `MechanismDisabled` when switched off). */
function dispatchMechanism(ctx: MechanismContext, ext: MechanismExtrinsic): MechanismRejection | null {
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
function mechanismsAfterCoinbase(ctx: MechanismContext): void {
  if (mechanismsOf(ctx.draft) === undefined) return;
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
function mechanismShares(draft: Draft, ids: readonly NetUid[], taoEmission: readonly bigint[]): bigint[] {
  const m = mechanismsOf(draft);
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
function mechanismsOnDissolve(ctx: MechanismContext, id: NetUid): void {
  if (mechanismsOf(ctx.draft) === undefined) return;
  covenantOnDissolve(ctx, id);
  vestingOnDissolve(ctx, id);
  const after = mechanismsOf(ctx.draft)!;
  const cut = new Map(after.cut);
  const usage = new Map(after.usage);
  const lastService = new Map(after.lastService);
  cut.delete(id);
  usage.delete(id);
  lastService.delete(id);
  updateMechanisms(ctx.draft, { cut, usage, lastService });
}

/**
 * The binding mechanisms (spec/mechanisms.md §1–5) as the chain's add-on; a chain whose genesis has
 * `mechanismsGenesis(...)` data needs it in every block's options.
 * @example applyBlock(state, [{ call: 'vesting_claim', signer: 'owner1', netuid: 1 }], { epoch, addOn: mechanismsAddOn })
 */
export const mechanismsAddOn: ChainAddOn<
  MechanismExtrinsic,
  MechanismEvent,
  MechanismRejectionCode | ChainRejectionCode
> = Object.freeze({
  name: MECHANISMS_ADD_ON,
  calls: MECHANISM_CALL_NAMES,
  dispatch: dispatchMechanism,
  afterCoinbase: mechanismsAfterCoinbase,
  adjustShares: mechanismShares,
  ownerCut: vestOwnerCut,
  onDissolve: mechanismsOnDissolve,
  taoHeld: (state: ChainState) => mechanismTaoHeld(mechanismsOf(state)),
  alphaHeld: (state: ChainState, id: NetUid) => vestingAlphaHeld(mechanismsOf(state), id),
  problems: mechanismProblems,
});
