/**
 * Revenue covenant, bonded (mechanisms.md §1).
 *
 * Who pays: the subnet owner, twice over: a bond B locked from its free balance into escrow at
 * `covenant_open`, and each period r·R TAO (`covenant_pay`), where R is the median of the revenue its
 * validators attested (`covenant_attest`, one per validator hotkey with a permit per period).
 * Who receives: the subnet's alpha holders. With `payTo: 'burn'` the payment buys alpha from the pool
 * fee-free and burns it (the TAO stays in the reserve, every holder's alpha is worth more); with
 * `'stakers'` the TAO is paid to the coldkeys staking alpha on the subnet, pro rata (flooring dust burned).
 * Default: at a period end (the subnet's epoch counter has advanced P epochs), a payment short of r·R on
 * attested revenue, or g periods in a row without any payment, slashes the whole bond (burned, i.e.
 * removed from TotalIssuance, or paid to stakers per `slashTo`) and sets the subnet's TAO emission share
 * to zero. `covenant_cure` pays the arrears and re-posts B; the share comes back. Dissolving a subnet
 * with an open covenant also slashes the bond.
 */

import { buyAlpha } from '../../chain/poolOps.ts';
import type { Draft } from '../../state/draft.ts';
import { coldkey, hotkey, type NetUid, netuid } from '../../types.ts';
import {
  burnTao,
  checkOwner,
  checkSubnet,
  cutEmission,
  debitSigner,
  isRejection,
  paramsOf,
  payStakers,
  updateMechanisms,
} from '../common.ts';
import { type Covenant, type PayTo, PPM } from '../config.ts';
import type { MechanismExtrinsic } from '../extrinsics.ts';
import type { MechanismContext, MechanismHandler } from '../mechanismContext.ts';
import { type MechanismRejection, rejection } from '../mechanismRejectionCodes.ts';
import { mechanismsOf } from '../mechanismsOf.ts';

type Call<N extends MechanismExtrinsic['call']> = MechanismExtrinsic & { call: N };

/** Median of the attested revenues (rao); for an even count the floor of the two middle ones' mean. */
export function medianRevenue(values: readonly bigint[]): bigint {
  if (values.length === 0) return 0n;
  const v = [...values].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const mid = v.length >> 1;
  return v.length % 2 === 1 ? v[mid]! : (v[mid - 1]! + v[mid]!) / 2n; // floor
}

function setCovenant(draft: Draft, id: NetUid, c: Covenant | null): void {
  const m = mechanismsOf(draft)!;
  const covenants = new Map(m.covenants);
  if (c === null) covenants.delete(id);
  else covenants.set(id, c);
  updateMechanisms(draft, { covenants });
}

/**
 * Route covenant TAO (already taken from the payer) to the alpha holders: buy-and-burn or pay stakers.
 * A buy the pool refuses burns the TAO instead. Returns the alpha burned and the TAO paid to stakers.
 */
export function routeToHolders(
  draft: Draft,
  id: NetUid,
  tao: bigint,
  to: PayTo,
): { alphaBurned: bigint; toStakers: bigint } {
  if (tao === 0n) return { alphaBurned: 0n, toStakers: 0n };
  if (to === 'stakers') return { alphaBurned: 0n, toStakers: payStakers(draft, id, tao) };
  const bought = buyAlpha(draft, id, tao, { limitPrice: null, allowPartial: false, dropFees: true });
  if (!bought.ok) {
    burnTao(draft, tao);
    return { alphaBurned: 0n, toStakers: 0n };
  }
  // The bought alpha entered AlphaOut; it is burned there, like `burn_alpha`.
  draft.write(id).burnedAlpha += bought.value.alphaOut;
  burnTao(draft, tao - bought.value.taoUsed);
  return { alphaBurned: bought.value.alphaOut, toStakers: 0n };
}

/** Slash the bond of an open covenant and cut the subnet's emission (the covenant default path). */
export function defaultCovenant(
  { draft, events }: MechanismContext,
  id: NetUid,
  reason: 'short' | 'unpaid' | 'credits' | 'dissolved',
): void {
  const m = mechanismsOf(draft);
  const c = m?.covenants.get(id);
  const p = m?.params.covenant;
  if (c === undefined || p === null || p === undefined) return;
  const slashed = c.bond;
  setCovenant(draft, id, { ...c, bond: 0n, defaulted: true });
  let toStakers = 0n;
  if (p.slashTo === 'stakers') toStakers = payStakers(draft, id, slashed);
  else burnTao(draft, slashed);
  events.push({
    type: 'CovenantDefaulted',
    netuid: id,
    reason,
    slashed,
    burned: slashed - toStakers,
    toStakers,
  });
  if (reason !== 'dissolved' && cutEmission(draft, id, 'covenant'))
    events.push({ type: 'EmissionCut', netuid: id, reason: 'covenant' });
}

/** Period ends of every covenant, checked once per block after the coinbase ran the due epochs. */
export function closeCovenantPeriods(ctx: MechanismContext): void {
  const { draft, events } = ctx;
  const m = mechanismsOf(draft);
  if (m === undefined || m.params.covenant === null) return;
  for (const [id, c] of [...m.covenants].sort(([a], [b]) => a - b)) {
    if (!draft.hasSubnet(id)) continue;
    const epoch = draft.read(id).epochIndex;
    if (epoch - c.periodStart < c.period) continue;
    const attested = c.attestations.size > 0;
    const revenue = medianRevenue([...c.attestations.values()]);
    const due = (revenue * c.share) / PPM; // floor: the owner owes whole rao
    const short = due > c.paid ? due - c.paid : 0n;
    const unpaidPeriods = c.paid === 0n ? c.unpaidPeriods + 1 : 0;
    const next: Covenant = {
      ...c,
      periodStart: epoch,
      attestations: new Map(),
      paid: 0n,
      arrears: c.arrears + short,
      unpaidPeriods,
    };
    setCovenant(draft, id, next);
    events.push({
      type: 'CovenantPeriodClosed',
      netuid: id,
      revenue,
      due,
      paid: c.paid,
      arrears: next.arrears,
    });
    if (c.defaulted) continue;
    if (attested && short > 0n) defaultCovenant(ctx, id, 'short');
    else if (unpaidPeriods >= c.gracePeriods) defaultCovenant(ctx, id, 'unpaid');
  }
}

/**
 * The open covenant of subnet `n` and the mechanism's `payTo`, for a call by `signer`; with `owner`
 * the signer must own the subnet. A rejection when the mechanism is off, the subnet or its covenant is
 * missing, or the signer is not the owner.
 */
function covenantFor(
  draft: Draft,
  n: number,
  signer: string,
  owner: boolean,
): { c: Covenant; id: NetUid; payTo: PayTo } | MechanismRejection {
  const on = paramsOf(draft, 'covenant');
  if (isRejection(on)) return on;
  const bad = checkSubnet(draft, n);
  if (bad !== null) return bad;
  const id = netuid(n);
  const c = on.m.covenants.get(id);
  if (c === undefined) return rejection('NoCovenant', 'netuid', `subnet ${n} has no covenant`);
  const notOwner = owner ? checkOwner(draft, id, signer) : null;
  if (notOwner !== null) return notOwner;
  return { c, id, payTo: on.params.payTo };
}

/** `covenant_open`: the owner posts bond B and commits to share r of each period's attested revenue. */
export const covenantOpen: MechanismHandler<Call<'covenant_open'>> = ({ draft, events }, ext) => {
  const on = paramsOf(draft, 'covenant');
  if (isRejection(on)) return on;
  const bad = checkSubnet(draft, ext.netuid);
  if (bad !== null) return bad;
  const id = netuid(ext.netuid);
  const notOwner = checkOwner(draft, id, ext.signer);
  if (notOwner !== null) return notOwner;
  if (on.m.covenants.has(id)) return rejection('CovenantAlreadyOpen', 'netuid', `subnet ${id} has one`);
  if (ext.share <= 0n || ext.share > PPM)
    return rejection('InvalidShare', 'share', 'must be in 1..1_000_000 ppm');
  if (!Number.isInteger(ext.period) || ext.period < 1)
    return rejection('InvalidPeriod', 'period', 'must be a positive integer');
  if (!Number.isInteger(ext.gracePeriods) || ext.gracePeriods < 1)
    return rejection('InvalidPeriod', 'gracePeriods', 'must be a positive integer');
  if (ext.bond < on.params.minBond)
    return rejection('BondTooLow', 'bond', `must be at least ${on.params.minBond} rao`);
  const short = debitSigner(draft, ext.signer, ext.bond, 'bond');
  if (short !== null) return short;
  const who = coldkey(ext.signer);
  setCovenant(draft, id, {
    owner: who,
    share: ext.share,
    bondTerms: ext.bond,
    bond: ext.bond,
    period: ext.period,
    gracePeriods: ext.gracePeriods,
    periodStart: draft.read(id).epochIndex,
    attestations: new Map(),
    paid: 0n,
    arrears: 0n,
    unpaidPeriods: 0,
    defaulted: false,
  });
  events.push({
    type: 'CovenantOpened',
    netuid: id,
    share: ext.share,
    bond: ext.bond,
    period: ext.period,
    gracePeriods: ext.gracePeriods,
  });
  return null;
};

/** `covenant_attest`: a validator of the subnet (with a permit) states the period's revenue. */
export const covenantAttest: MechanismHandler<Call<'covenant_attest'>> = ({ draft, events }, ext) => {
  const found = covenantFor(draft, ext.netuid, ext.signer, false);
  if (isRejection(found)) return found;
  const { c, id } = found;
  const hk = hotkey(ext.signer);
  const neuron = draft.read(id).neurons.find((x) => x.hotkey === hk);
  if (neuron === undefined)
    return rejection('HotKeyNotRegisteredInSubNet', 'signer', `hotkey is not registered on subnet ${id}`);
  if (!neuron.validatorPermit)
    return rejection('NeuronNoValidatorPermit', 'signer', 'only validators with a permit attest');
  if (ext.revenue < 0n) return rejection('InvalidValue', 'revenue', 'must be a non-negative amount of rao');
  if (c.attestations.has(hk))
    return rejection('AlreadyAttested', 'signer', 'this validator attested this period already');
  setCovenant(draft, id, { ...c, attestations: new Map(c.attestations).set(hk, ext.revenue) });
  events.push({ type: 'CovenantAttested', netuid: id, hotkey: hk, revenue: ext.revenue });
  return null;
};

/** `covenant_pay`: the owner pays TAO into the covenant; arrears are settled first. */
export const covenantPay: MechanismHandler<Call<'covenant_pay'>> = ({ draft, events }, ext) => {
  const found = covenantFor(draft, ext.netuid, ext.signer, true);
  if (isRejection(found)) return found;
  const { c, id, payTo } = found;
  if (ext.amount <= 0n) return rejection('AmountZero', 'amount', 'must be a positive number of rao');
  const short = debitSigner(draft, ext.signer, ext.amount, 'amount');
  if (short !== null) return short;
  const toArrears = ext.amount < c.arrears ? ext.amount : c.arrears;
  setCovenant(draft, id, { ...c, arrears: c.arrears - toArrears, paid: c.paid + ext.amount - toArrears });
  const routed = routeToHolders(draft, id, ext.amount, payTo);
  events.push({ type: 'CovenantPaid', netuid: id, tao: ext.amount, ...routed });
  return null;
};

/** `covenant_cure`: a defaulted owner pays all arrears and re-posts the bond; emission resumes. */
export const covenantCure: MechanismHandler<Call<'covenant_cure'>> = ({ draft, events }, ext) => {
  const found = covenantFor(draft, ext.netuid, ext.signer, true);
  if (isRejection(found)) return found;
  const { c, id, payTo } = found;
  if (!c.defaulted)
    return rejection('NotDefaulted', 'netuid', `the covenant of subnet ${id} is in good standing`);
  // A cure pays the arrears and posts the bond again.
  const short = debitSigner(draft, ext.signer, c.arrears + c.bondTerms, 'signer');
  if (short !== null) return short;
  setCovenant(draft, id, {
    ...c,
    arrears: 0n,
    bond: c.bondTerms,
    defaulted: false,
    unpaidPeriods: 0,
    periodStart: draft.read(id).epochIndex,
    attestations: new Map(),
    paid: 0n,
  });
  const routed = routeToHolders(draft, id, c.arrears, payTo);
  events.push({ type: 'CovenantCured', netuid: id, arrearsPaid: c.arrears, bond: c.bondTerms });
  if (c.arrears > 0n) events.push({ type: 'CovenantPaid', netuid: id, tao: c.arrears, ...routed });
  const m = mechanismsOf(draft)!;
  if (m.cut.has(id)) {
    const cut = new Map(m.cut);
    cut.delete(id);
    updateMechanisms(draft, { cut });
    events.push({ type: 'EmissionRestored', netuid: id });
  }
  return null;
};

/** A subnet leaving the chain with an open covenant: the bond is slashed, the covenant closed. */
export function covenantOnDissolve(ctx: MechanismContext, id: NetUid): void {
  const c = mechanismsOf(ctx.draft)?.covenants.get(id);
  if (c === undefined) return;
  if (c.bond > 0n) defaultCovenant(ctx, id, 'dissolved');
  setCovenant(ctx.draft, id, null);
}
