/**
 * Vesting and exit bond (mechanisms.md §2).
 *
 * Who pays: nobody pays in; the subnet owner's cut of each epoch's alpha emission is withheld. Instead
 * of being staked to the owner hotkey at the epoch it accrues to an escrow (one tranche per epoch),
 * counted among the subnet's AlphaOut holders.
 * Who receives: the owner coldkey, by `vesting_claim`, as stake on the owner hotkey: each tranche
 * vests linearly over V epochs of the subnet (vested = ⌊amount · min(elapsed, V) / V⌋).
 * Default: when the subnet goes dark (no weights set by any neuron and no paid service — usage
 * payments, served credit redemptions — for D epochs of its tempo) the unvested alpha is burned (kept
 * in AlphaOut as burned alpha, like `burn_alpha`). When the subnet is dissolved, the vested unclaimed
 * alpha is staked to the owner first (so the dissolution pays it out) and the unvested part is burned.
 */

import { creditStake } from '../../chain/stakeOps.ts';
import type { Draft } from '../../state/draft.ts';
import { type NetUid, netuid } from '../../types.ts';
import { checkSubnet, isRejection, paramsOf, updateMechanisms } from '../common.ts';
import type { VestingEscrow } from '../config.ts';
import type { MechanismExtrinsic } from '../extrinsics.ts';
import type { MechanismContext, MechanismHandler } from '../mechanismContext.ts';
import { rejection } from '../mechanismRejectionCodes.ts';
import { mechanismsOf } from '../mechanismsOf.ts';

/** Alpha of an escrow vested by subnet epoch `epoch` over `vestDuration`, each tranche floored. */
export function vestedAmount(e: VestingEscrow, epoch: number, vestDuration: number): bigint {
  const v = BigInt(vestDuration);
  return e.tranches.reduce((t, x) => {
    const elapsed = BigInt(Math.max(0, Math.min(epoch - x.startEpoch, vestDuration)));
    return t + (x.amount * elapsed) / v; // floor
  }, 0n);
}

function setEscrow(draft: Draft, id: NetUid, e: VestingEscrow | null): void {
  const vesting = new Map(mechanismsOf(draft)!.vesting);
  if (e === null) vesting.delete(id);
  else vesting.set(id, e);
  updateMechanisms(draft, { vesting });
}

/**
 * Withhold the owner cut drained at an epoch into the escrow; returns what the epoch should still
 * pay the owner directly (0 when vesting is on, the full cut otherwise).
 */
export function vestOwnerCut({ draft, events }: MechanismContext, id: NetUid, ownerCut: bigint): bigint {
  const m = mechanismsOf(draft);
  if (m === undefined || m.params.vesting === null || ownerCut === 0n) return ownerCut;
  const s = draft.read(id);
  const e = m.vesting.get(id) ?? {
    beneficiary: s.ownerColdkey,
    hotkey: s.ownerHotkey,
    tranches: [],
    claimed: 0n,
  };
  setEscrow(draft, id, { ...e, tranches: [...e.tranches, { amount: ownerCut, startEpoch: s.epochIndex }] });
  events.push({ type: 'VestingAccrued', netuid: id, alpha: ownerCut });
  return 0n;
}

/** Drop tranches that are fully vested and claimed (keeps the escrow small; the totals are unchanged). */
function compact(e: VestingEscrow, epoch: number, vestDuration: number): VestingEscrow {
  let claimed = e.claimed;
  const tranches = e.tranches.filter((x) => {
    if (epoch - x.startEpoch < vestDuration || claimed < x.amount) return true;
    claimed -= x.amount;
    return false;
  });
  return { ...e, tranches, claimed };
}

/** `vesting_claim`: the beneficiary stakes its vested, unclaimed alpha on the owner hotkey. */
export const vestingClaim: MechanismHandler<MechanismExtrinsic & { call: 'vesting_claim' }> = (
  { draft, events },
  ext,
) => {
  const on = paramsOf(draft, 'vesting');
  if (isRejection(on)) return on;
  const bad = checkSubnet(draft, ext.netuid);
  if (bad !== null) return bad;
  const id = netuid(ext.netuid);
  const e = on.m.vesting.get(id);
  if (e === undefined) return rejection('NoVestingEscrow', 'netuid', `subnet ${id} has nothing in escrow`);
  if (e.beneficiary !== ext.signer) return rejection('NotBeneficiary', 'signer', 'the escrow is not yours');
  const epoch = draft.read(id).epochIndex;
  const claimable = vestedAmount(e, epoch, on.params.vestDuration) - e.claimed;
  if (claimable <= 0n)
    return rejection('NothingToClaim', 'netuid', 'nothing has vested since the last claim');
  creditStake(draft, { netuid: id, hotkey: e.hotkey, coldkey: e.beneficiary, amount: claimable });
  setEscrow(draft, id, compact({ ...e, claimed: e.claimed + claimable }, epoch, on.params.vestDuration));
  events.push({ type: 'VestingClaimed', netuid: id, coldkey: e.beneficiary, alpha: claimable });
  return null;
};

/** Burn the unvested alpha of subnets gone dark (checked every block). */
export function burnDarkVesting({ draft, events }: MechanismContext): void {
  const m = mechanismsOf(draft);
  const p = m?.params.vesting;
  if (m === undefined || p === null || p === undefined) return;
  for (const [id, e] of [...m.vesting].sort(([a], [b]) => a - b)) {
    const s = draft.read(id);
    const total = e.tranches.reduce((t, x) => t + x.amount, 0n);
    const vested = vestedAmount(e, s.epochIndex, p.vestDuration);
    if (vested === total) continue;
    let lastActive = Math.max(s.registeredAt, m.lastService.get(id) ?? 0);
    for (const n of s.neurons) if (n.lastUpdate > lastActive) lastActive = n.lastUpdate;
    if (draft.block - lastActive <= p.darkEpochs * s.tempo) continue;
    const burned = total - vested;
    draft.write(id).burnedAlpha += burned; // stays in AlphaOut, owned by nobody
    setEscrow(draft, id, {
      ...e,
      // The vested part stays claimable, as one tranche already fully vested.
      tranches: vested === 0n ? [] : [{ amount: vested, startEpoch: s.epochIndex - p.vestDuration }],
    });
    events.push({ type: 'VestingBurned', netuid: id, reason: 'dark', alpha: burned });
  }
}

/** Dissolution: vested alpha is staked to the owner (paid out with the pool), the unvested is burned. */
export function vestingOnDissolve({ draft, events }: MechanismContext, id: NetUid): void {
  const m = mechanismsOf(draft);
  const e = m?.vesting.get(id);
  const p = m?.params.vesting;
  if (e === undefined || p === null || p === undefined) return;
  const s = draft.read(id);
  const total = e.tranches.reduce((t, x) => t + x.amount, 0n);
  const vested = vestedAmount(e, s.epochIndex, p.vestDuration);
  creditStake(draft, { netuid: id, hotkey: e.hotkey, coldkey: e.beneficiary, amount: vested - e.claimed });
  draft.write(id).burnedAlpha += total - vested;
  setEscrow(draft, id, null);
  events.push({ type: 'VestingBurned', netuid: id, reason: 'dissolved', alpha: total - vested });
}
