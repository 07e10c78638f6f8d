/**
 * Dissolution of a kernel subnet (spec §9.5): the pool's TAO goes pro rata by alpha to the holder
 * classes (paid out to users: `external`); the protocol's part (protocol-owned alpha and the pool's own
 * alpha) and the subnet account's TAO are recycled. Pending, burned and unowned alpha have no claim.
 * Mechanisms: unvested owner alpha is burned, an unslashed bond and unreleased credit proceeds go back
 * to users. The slot is emptied; its cumulative flows are kept (they are per slot across occupants).
 */
import { RAO_PER_TAO } from '../chainConstants.ts';
import { dissolutionPayout } from '../registration/dissolutionPayout.ts';
import { dissolveMechanisms } from './mechanismsF64.ts';
import { HOLDER_CLASSES, type KernelState } from './types.ts';

const RAO = Number(RAO_PER_TAO);
const toRao = (x: number) => BigInt(Math.max(0, Math.round(x * RAO)));

/** Dissolve `slot`; returns the TAO paid to each holder class (HOLDER_CLASSES order). */
export function dissolveSlot(state: KernelState, slot: number): number[] {
  const c = state.columns;
  const slots = c.active.length;
  dissolveMechanisms(state, slot);
  // The next occupant is a new subnet: its neurons (if detailed) start afresh.
  if (state.neurons !== undefined) state.neurons.subnets[slot] = null;
  const pot = c.taoReserve[slot]!;
  const payout = dissolutionPayout({
    pot: toRao(pot),
    holdings: HOLDER_CLASSES.map((_, k) => toRao(c.holdings[k * slots + slot]!)),
    protocolAlpha: toRao(c.protocolAlpha[slot]! + c.alphaIn[slot]!),
  });
  const paid = payout.payouts.map((p) => Number(p) / RAO);
  const paidTotal = paid.reduce((a, b) => a + b, 0);
  const recycled = pot + c.accountTao[slot]! - paidTotal;
  state.external += paidTotal;
  state.issuance -= recycled;
  state.recycledTao += recycled;
  for (const column of [
    c.registeredAt,
    c.startBlock,
    c.taoReserve,
    c.alphaIn,
    c.alphaOut,
    c.wQuote,
    c.accountTao,
    c.movingPrice,
    c.minerBurned,
    c.protocolAlpha,
    c.pendingServer,
    c.pendingValidator,
    c.pendingRoot,
    c.pendingOwner,
    c.unownedAlpha,
    c.burnedAlpha,
    c.lastEpochBlock,
  ]) {
    column[slot] = 0;
  }
  for (let k = 0; k < HOLDER_CLASSES.length; k++) c.holdings[k * slots + slot] = 0;
  // The next occupant's flow EMAs start from 0 and read only flows after this point.
  c.flowEma[slot] = 0;
  c.protocolEma[slot] = 0;
  c.flowMark[slot] = c.userStakeTao[slot]! - c.userUnstakeTao[slot]! + c.rootUnstakeTao[slot]!;
  c.rootSellMark[slot] = c.rootUnstakeTao[slot]!;
  c.active[slot] = 0;
  c.emissionEnabled[slot] = 0;
  return paid;
}
