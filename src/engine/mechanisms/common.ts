/** Helpers shared by the mechanism add-ons: the on/off check, state updates, burns and staker payouts. */

import { invariant } from '../errors.ts';
import { stakeOf } from '../staking/sharePool.ts';
import type { Draft } from '../state/draft.ts';
import { type Coldkey, hotkey, type NetUid, netuid, ROOT_NETUID } from '../types.ts';
import type { CutReason, MechanismsState } from './config.ts';
import { type MechanismRejection, rejection } from './mechanismRejectionCodes.ts';
import { MECHANISMS_ADD_ON, mechanismsOf } from './mechanismsOf.ts';

type ParamKey = keyof MechanismsState['params'];

/** The mechanism's parameters, or a `MechanismDisabled` rejection when the chain runs without it. */
export function paramsOf<K extends ParamKey>(
  draft: Draft,
  key: K,
): { params: NonNullable<MechanismsState['params'][K]>; m: MechanismsState } | MechanismRejection {
  const m = mechanismsOf(draft);
  const params = m?.params[key];
  if (m === undefined || params === null || params === undefined) {
    return rejection('MechanismDisabled', 'call', `the ${key} mechanism is not enabled on this chain`);
  }
  return { params: params as NonNullable<MechanismsState['params'][K]>, m };
}

/** True when `x` is a rejection rather than a value. */
export function isRejection(x: object): x is MechanismRejection {
  return 'code' in x && 'message' in x;
}

/** Replace part of the mechanisms state. */
export function updateMechanisms(draft: Draft, patch: Partial<MechanismsState>): void {
  const m = mechanismsOf(draft);
  invariant(m !== undefined, 'NO_MECHANISMS');
  draft.addOn = { name: MECHANISMS_ADD_ON, data: { ...m, ...patch } };
}

/** The subnet exists (and is not root): otherwise `SubnetNotExists`. */
export function checkSubnet(draft: Draft, n: number): MechanismRejection | null {
  const id = netuid(n);
  if (!Number.isInteger(n) || id === ROOT_NETUID || !draft.hasSubnet(id))
    return rejection('SubnetNotExists', 'netuid', `no subnet ${n}`);
  return null;
}

/** The signer is the subnet's owner coldkey: otherwise `NotSubnetOwner`. */
export function checkOwner(draft: Draft, id: NetUid, signer: string): MechanismRejection | null {
  if (draft.read(id).ownerColdkey !== signer)
    return rejection('NotSubnetOwner', 'signer', `only the owner of subnet ${id} may do this`);
  return null;
}

/**
 * Take `amount` rao from the signer's free balance, or reject with `NotEnoughBalance` naming `field`
 * (nothing changes then).
 */
export function debitSigner(
  draft: Draft,
  signer: string,
  amount: bigint,
  field: string,
): MechanismRejection | null {
  const who = signer as Coldkey;
  const balance = draft.balance(who);
  if (balance < amount) return rejection('NotEnoughBalance', field, `needs ${amount} rao; has ${balance}`);
  draft.setBalance(who, balance - amount);
  return null;
}

/** Destroy TAO that left a holding: it is removed from TotalIssuance (unlike the chain's `burn_tao`). */
export function burnTao(draft: Draft, amount: bigint): void {
  if (amount > 0n) draft.totalIssuance -= amount;
}

/**
 * Pay `tao` rao to the coldkeys staking alpha on subnet `id`, pro rata to their alpha, each share
 * floored; the flooring dust (and everything, when nobody stakes) is burned. Returns the rao paid.
 */
export function payStakers(draft: Draft, id: NetUid, tao: bigint): bigint {
  if (tao <= 0n) return 0n;
  const byColdkey = new Map<Coldkey, bigint>();
  for (const pool of draft.read(id).stakes.values()) {
    for (const ck of pool.shares.keys()) byColdkey.set(ck, (byColdkey.get(ck) ?? 0n) + stakeOf(pool, ck));
  }
  const total = [...byColdkey.values()].reduce((a, b) => a + b, 0n);
  let paid = 0n;
  if (total > 0n) {
    for (const ck of [...byColdkey.keys()].sort()) {
      const part = (tao * byColdkey.get(ck)!) / total; // floor
      if (part === 0n) continue;
      draft.credit(ck, part);
      paid += part;
    }
  }
  burnTao(draft, tao - paid);
  return paid;
}

/** Set a subnet's TAO emission share to zero until cured (no-op if already cut). */
export function cutEmission(draft: Draft, id: NetUid, reason: CutReason): boolean {
  const m = mechanismsOf(draft);
  invariant(m !== undefined, 'NO_MECHANISMS');
  if (m.cut.has(id)) return false;
  updateMechanisms(draft, { cut: new Map(m.cut).set(id, reason) });
  return true;
}

/** Record paid service on a subnet (usage payments, served redemptions) for the dark check. */
export function markService(draft: Draft, id: NetUid): void {
  const m = mechanismsOf(draft);
  if (m === undefined || m.params.vesting === null) return;
  updateMechanisms(draft, { lastService: new Map(m.lastService).set(id, draft.block) });
}

/** The hotkey holds a validator permit on subnet `id` (or on any subnet when `id` is null). */
export function hasValidatorPermit(draft: Draft, hk: string, id: NetUid | null): boolean {
  const ids = id === null ? draft.netuids() : [id];
  return ids.some((n) => draft.read(n).neurons.some((x) => x.hotkey === hotkey(hk) && x.validatorPermit));
}
