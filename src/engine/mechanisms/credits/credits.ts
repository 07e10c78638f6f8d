/**
 * Access credits (mechanisms.md §3): a subnet's lab sells a fixed supply of credits redeemable for its
 * service.
 *
 * Who pays: buyers, in TAO, at the sale's price curve (one tranche = fixed price; several = rising
 * tranches, each credit priced by the tranche it falls in), by `credits_buy`.
 * Who receives: the seller (the subnet owner coldkey that opened the sale), in free TAO at once.
 * Redemption: a holder burns c credits (`credits_redeem`), which opens a redemption the owner must mark
 * served (`credits_serve`) within `serveDeadlineBlocks`.
 * Default: a redemption still unserved at its deadline is dropped (the credits stay burned) and counted;
 * once a sale's unserved count exceeds `tolerance`, the covenant default path runs: the subnet's
 * TAO emission share is cut to zero and, if the subnet has an open covenant, its bond is slashed.
 * Credits are not TAO: TAO moves only buyer → seller; each sale keeps its own identity
 * supply = unsold + Σ holders + redeemed.
 */

import type { Draft } from '../../state/draft.ts';
import { coldkey, netuid } from '../../types.ts';
import {
  checkOwner,
  checkSubnet,
  cutEmission,
  debitSigner,
  isRejection,
  markService,
  paramsOf,
  updateMechanisms,
} from '../common.ts';
import type { CreditSale, CreditTranche } from '../config.ts';
import { defaultCovenant } from '../covenant/covenant.ts';
import type { MechanismExtrinsic } from '../extrinsics.ts';
import type { MechanismContext, MechanismHandler } from '../mechanismContext.ts';
import { type MechanismRejection, rejection } from '../mechanismRejectionCodes.ts';
import { mechanismsOf } from '../mechanismsOf.ts';

type Call<N extends MechanismExtrinsic['call']> = MechanismExtrinsic & { call: N };

/** TAO cost (rao) of the next `amount` credits of a sale that has sold `sold`, walking its tranches. */
export function creditCost(tranches: readonly CreditTranche[], sold: bigint, amount: bigint): bigint {
  let cost = 0n;
  let start = 0n;
  for (const t of tranches) {
    const end = start + t.amount;
    const from = sold > start ? sold : start;
    const to = sold + amount < end ? sold + amount : end;
    if (to > from) cost += (to - from) * t.price;
    start = end;
  }
  return cost;
}

function setSale(draft: Draft, id: number, sale: CreditSale): void {
  updateMechanisms(draft, { sales: new Map(mechanismsOf(draft)!.sales).set(id, sale) });
}

function saleOf(draft: Draft, id: number): CreditSale | MechanismRejection {
  const sale = mechanismsOf(draft)!.sales.get(id);
  return sale ?? rejection('NoSuchSale', 'saleId', `no credit sale ${id}`);
}

/** `credits_create_sale`: the subnet owner opens a sale of Σ tranche amounts credits. */
export const creditsCreateSale: MechanismHandler<Call<'credits_create_sale'>> = ({ draft, events }, ext) => {
  const on = paramsOf(draft, 'credits');
  if (isRejection(on)) return on;
  const bad = checkSubnet(draft, ext.netuid);
  if (bad !== null) return bad;
  const id = netuid(ext.netuid);
  const notOwner = checkOwner(draft, id, ext.signer);
  if (notOwner !== null) return notOwner;
  if (ext.tranches.length === 0) return rejection('InvalidSale', 'tranches', 'needs at least one tranche');
  for (const [i, t] of ext.tranches.entries()) {
    if (t.amount <= 0n || t.price <= 0n)
      return rejection('InvalidSale', `tranches[${i}]`, 'amount and price must be positive');
  }
  const supply = ext.tranches.reduce((s, t) => s + t.amount, 0n);
  const saleId = on.m.nextSale;
  updateMechanisms(draft, { nextSale: saleId + 1 });
  setSale(draft, saleId, {
    netuid: id,
    seller: coldkey(ext.signer),
    supply,
    tranches: ext.tranches.map((t) => ({ amount: t.amount, price: t.price })),
    sold: 0n,
    raised: 0n,
    holders: new Map(),
    redeemed: 0n,
    redemptions: new Map(),
    nextRedemption: 0,
    served: 0,
    unserved: 0,
  });
  events.push({ type: 'CreditSaleCreated', saleId, netuid: id, supply });
  return null;
};

/** `credits_buy`: TAO from the buyer to the seller; credits to the buyer. */
export const creditsBuy: MechanismHandler<Call<'credits_buy'>> = ({ draft, events }, ext) => {
  const on = paramsOf(draft, 'credits');
  if (isRejection(on)) return on;
  const sale = saleOf(draft, ext.saleId);
  if (isRejection(sale)) return sale;
  if (ext.amount <= 0n) return rejection('AmountZero', 'amount', 'must be a positive number of credits');
  if (sale.sold + ext.amount > sale.supply)
    return rejection('SoldOut', 'amount', `only ${sale.supply - sale.sold} credits are left`);
  const cost = creditCost(sale.tranches, sale.sold, ext.amount);
  const short = debitSigner(draft, ext.signer, cost, 'amount');
  if (short !== null) return short;
  const who = coldkey(ext.signer);
  draft.credit(sale.seller, cost);
  setSale(draft, ext.saleId, {
    ...sale,
    sold: sale.sold + ext.amount,
    raised: sale.raised + cost,
    holders: new Map(sale.holders).set(who, (sale.holders.get(who) ?? 0n) + ext.amount),
  });
  events.push({ type: 'CreditsBought', saleId: ext.saleId, buyer: who, credits: ext.amount, tao: cost });
  return null;
};

/** `credits_redeem`: the holder burns credits for a metered call the lab must serve by the deadline. */
export const creditsRedeem: MechanismHandler<Call<'credits_redeem'>> = ({ draft, events }, ext) => {
  const on = paramsOf(draft, 'credits');
  if (isRejection(on)) return on;
  const sale = saleOf(draft, ext.saleId);
  if (isRejection(sale)) return sale;
  if (ext.amount <= 0n) return rejection('AmountZero', 'amount', 'must be a positive number of credits');
  const who = coldkey(ext.signer);
  const held = sale.holders.get(who) ?? 0n;
  if (held < ext.amount) return rejection('NotEnoughCredits', 'amount', `holds ${held} credits`);
  const holders = new Map(sale.holders);
  if (held === ext.amount) holders.delete(who);
  else holders.set(who, held - ext.amount);
  const redemptionId = sale.nextRedemption;
  const deadline = draft.block + on.params.serveDeadlineBlocks;
  setSale(draft, ext.saleId, {
    ...sale,
    holders,
    redeemed: sale.redeemed + ext.amount,
    redemptions: new Map(sale.redemptions).set(redemptionId, { holder: who, credits: ext.amount, deadline }),
    nextRedemption: redemptionId + 1,
  });
  events.push({
    type: 'CreditsRedeemed',
    saleId: ext.saleId,
    redemptionId,
    holder: who,
    credits: ext.amount,
    deadline,
  });
  return null;
};

/** `credits_serve`: the subnet owner marks a redemption delivered (before its deadline). */
export const creditsServe: MechanismHandler<Call<'credits_serve'>> = ({ draft, events }, ext) => {
  const on = paramsOf(draft, 'credits');
  if (isRejection(on)) return on;
  const sale = saleOf(draft, ext.saleId);
  if (isRejection(sale)) return sale;
  if (!draft.hasSubnet(sale.netuid)) return rejection('SubnetNotExists', 'saleId', 'the lab subnet is gone');
  const notOwner = checkOwner(draft, sale.netuid, ext.signer);
  if (notOwner !== null) return notOwner;
  const r = sale.redemptions.get(ext.redemptionId);
  if (r === undefined)
    return rejection('NoSuchRedemption', 'redemptionId', `no open redemption ${ext.redemptionId}`);
  const redemptions = new Map(sale.redemptions);
  redemptions.delete(ext.redemptionId);
  setSale(draft, ext.saleId, { ...sale, redemptions, served: sale.served + 1 });
  markService(draft, sale.netuid);
  events.push({ type: 'CreditsServed', saleId: ext.saleId, redemptionId: ext.redemptionId });
  return null;
};

/** Redemptions past their deadline: counted unserved; beyond tolerance, the default path (every block). */
export function expireRedemptions(ctx: MechanismContext): void {
  const { draft, events } = ctx;
  const m = mechanismsOf(draft);
  const p = m?.params.credits;
  if (m === undefined || p === null || p === undefined) return;
  for (const [saleId, sale] of [...m.sales].sort(([a], [b]) => a - b)) {
    const due = [...sale.redemptions].filter(([, r]) => r.deadline < draft.block);
    if (due.length === 0) continue;
    const redemptions = new Map(sale.redemptions);
    let unserved = sale.unserved;
    for (const [rid] of due) {
      redemptions.delete(rid);
      unserved += 1;
      events.push({ type: 'CreditsUnserved', saleId, redemptionId: rid, unserved });
    }
    setSale(draft, saleId, { ...sale, redemptions, unserved });
    if (unserved <= p.tolerance || !draft.hasSubnet(sale.netuid)) continue;
    const c = mechanismsOf(draft)!.covenants.get(sale.netuid);
    if (c !== undefined && !c.defaulted) defaultCovenant(ctx, sale.netuid, 'credits');
    else if (cutEmission(draft, sale.netuid, 'credits'))
      events.push({ type: 'EmissionCut', netuid: sale.netuid, reason: 'credits' });
  }
}
