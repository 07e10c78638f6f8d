/**
 * Usage-weighted emission (mechanisms.md §4): Share_i = (1−λ)·price_share_i + λ·usage_share_i.
 *
 * Who pays: users of a subnet's service, in TAO, by `usage_pay` (the verified paid usage). The TAO is
 * burned (removed from TotalIssuance) or escrowed in the subnet account (`payTo: 'escrow'`; recycled
 * with the account if the subnet is dissolved).
 * Who receives: no one directly; the subnet's share of the block's TAO emission moves towards its share
 * of the EMA of paid usage over all emitting subnets. Wash usage costs the fee it burns.
 * Default: none; a subnet whose usage stops sees its usage EMA decay (half-life in blocks) and its
 * share return to the pack's price share.
 */

import type { Draft } from '../../state/draft.ts';
import { coldkey, type NetUid, netuid } from '../../types.ts';
import {
  burnTao,
  checkSubnet,
  debitSigner,
  isRejection,
  markService,
  paramsOf,
  updateMechanisms,
} from '../common.ts';
import { PPM, type UsageEmissionParams, type UsageRecord } from '../config.ts';
import type { MechanismExtrinsic } from '../extrinsics.ts';
import type { MechanismContext, MechanismHandler } from '../mechanismContext.ts';
import { rejection } from '../mechanismRejectionCodes.ts';
import { mechanismsOf } from '../mechanismsOf.ts';

/** Per-block EMA weight in ppm for a half-life: ⌊693147 / h⌋ (a ≈ ln2 / h), at least 1. */
export function emaWeightPpm(halfLife: number): bigint {
  const a = 693_147n / BigInt(halfLife); // floor
  return a < 1n ? 1n : a;
}

/**
 * One EMA step: ema − ⌈ema·a⌉ + ⌊x·a⌋ (a in ppm). The decay rounds up so that an idle EMA reaches 0
 * instead of stalling at a few rao; the new usage rounds down.
 */
export function emaStep(ema: bigint, x: bigint, aPpm: bigint): bigint {
  return ema - (ema * aPpm + PPM - 1n) / PPM + (x * aPpm) / PPM;
}

/** `usage_pay`: TAO paid for a subnet's service, burned or escrowed, counted in the usage EMA. */
export const usagePay: MechanismHandler<MechanismExtrinsic & { call: 'usage_pay' }> = (
  { draft, events },
  ext,
) => {
  const on = paramsOf(draft, 'usageEmission');
  if (isRejection(on)) return on;
  const bad = checkSubnet(draft, ext.netuid);
  if (bad !== null) return bad;
  const id = netuid(ext.netuid);
  if (ext.amount <= 0n) return rejection('AmountZero', 'amount', 'must be a positive number of rao');
  const short = debitSigner(draft, ext.signer, ext.amount, 'amount');
  if (short !== null) return short;
  const burned = on.params.payTo === 'burn';
  if (burned) burnTao(draft, ext.amount);
  else draft.write(id).accountTao += ext.amount;
  const rec = on.m.usage.get(id) ?? { pending: 0n, ema: 0n };
  updateMechanisms(draft, {
    usage: new Map(on.m.usage).set(id, { ...rec, pending: rec.pending + ext.amount }),
  });
  markService(draft, id);
  events.push({ type: 'UsagePaid', netuid: id, payer: coldkey(ext.signer), tao: ext.amount, burned });
  return null;
};

/** Fold each subnet's paid usage of the block into its EMA (every block, after the coinbase). */
export function stepUsageEma({ draft }: MechanismContext): void {
  const m = mechanismsOf(draft);
  const p = m?.params.usageEmission;
  if (m === undefined || p === null || p === undefined || m.usage.size === 0) return;
  const a = emaWeightPpm(p.halfLife);
  const usage = new Map<NetUid, UsageRecord>();
  for (const [id, r] of m.usage) {
    if (!draft.hasSubnet(id)) continue;
    const ema = emaStep(r.ema, r.pending, a);
    if (ema > 0n) usage.set(id, { pending: 0n, ema });
  }
  updateMechanisms(draft, { usage });
}

/**
 * Blend the pack's TAO emissions (U96F32 raw bits, aligned with `ids`) with usage shares:
 * new_i = ⌊T_i·(1−λ)⌋ + ⌊T·λ·ema_i / Σema⌋ over subnets in `eligible`. Both terms floor, so the sum
 * never exceeds T; the rest is recycled by the coinbase with the unspent credit.
 */
export function blendUsageShares(args: {
  params: UsageEmissionParams;
  ema: (id: NetUid) => bigint;
  ids: readonly NetUid[];
  eligible: readonly boolean[];
  taoEmission: readonly bigint[];
}): bigint[] {
  const { params, ids, eligible, taoEmission } = args;
  const emas = ids.map((id, i) => (eligible[i] ? args.ema(id) : 0n));
  const sumEma = emas.reduce((a, b) => a + b, 0n);
  if (sumEma === 0n || params.lambda === 0n) return [...taoEmission];
  const total = taoEmission.reduce((a, b) => a + b, 0n);
  const keep = PPM - params.lambda;
  return taoEmission.map(
    (t, i) => (t * keep) / PPM + (total * params.lambda * emas[i]!) / (PPM * sumEma), // floor, floor
  );
}

/** Read a subnet's usage EMA (0 if none). */
export function usageEma(draft: Draft, id: NetUid): bigint {
  return mechanismsOf(draft)?.usage.get(id)?.ema ?? 0n;
}
