/**
 * Binding mechanisms in the fast kernel (spec/mechanisms.md §1–5), each off unless `params.mechanisms`
 * names it. Who pays, who receives, and what happens on default:
 * - Revenue covenant: the owner escrows a bond (users' TAO → `bondTao`); validators attest revenue each
 *   period and the owner owes share × revenue, which buys the subnet's alpha from the pool and burns it
 *   (holders receive the price effect). A period paid short beyond the tolerance is missed; after the
 *   grace periods the bond is slashed (recycled: issuance lowered) and the subnet's TAO share is zero
 *   until a later period is met in full.
 * - Vesting: the owner cut accrues to an escrow (`vestingAlpha`, an AlphaOut holder) that vests after a
 *   cliff at a rate of escrow / V per block; the team leaving (`forfeitVesting`) or the subnet's
 *   dissolution burns what is unvested.
 * - Access credits: buyers pay TAO into an escrow released to the lab (users) over time; redemptions are
 *   burned credits; a period whose unserved redemptions exceed the tolerance is missed (the covenant's
 *   default path; on default the unreleased proceeds are refunded to users).
 * - Usage-weighted emission: users' paid usage is recycled; its EMA mixes into the TAO shares with weight λ.
 * - Compute market: a job's TAO is recycled but for a fee share kept in the slot's treasury; a fixed
 *   TAO emission per block is minted to providers (users) pro rata to the step's work.
 * TAO identity: `issuance + uncountedTao = Σ (taoReserve + accountTao + bondTao + creditEscrowTao) +
 * Σ treasuryTao + rootStake + burnedTao + external`; each move below keeps both sides equal.
 */
import { TOTAL_SUPPLY_TAO } from './blockEmissionF64.ts';
import { emaOver } from './flowSharesF64.ts';
import { HOLDER_INDEX, type KernelIntent, type KernelParams, type KernelState } from './types.ts';

const OWNER = HOLDER_INDEX.owner;

/** The mechanism intents (the kinds {@link applyMechanismIntent} handles). */
export type MechanismIntent = Extract<
  KernelIntent,
  {
    kind:
      | 'covenantBond'
      | 'covenantAttest'
      | 'covenantPay'
      | 'forfeitVesting'
      | 'buyCredits'
      | 'redeemCredits'
      | 'usagePayment'
      | 'computeJob';
  }
>;

/** A pool buy paid from users' TAO, as `applyIntents` makes it (null when refused). */
export type PoolBuy = (order: { readonly slot: number; readonly tao: number }) => {
  gross: number;
  net: number;
  alpha: number;
} | null;

const positive = (x: number) => Number.isFinite(x) && x > 0;

/** TAO users can spend now, up to `tao`. */
function spendable(state: KernelState, tao: number): number {
  return Math.min(tao, Math.max(0, state.external));
}

/** Recycle `tao` taken from users on behalf of `slot` (issuance lowered, counted per slot). */
function recycleFromUsers(state: KernelState, slot: number, tao: number): void {
  state.external -= tao;
  state.issuance -= tao;
  state.recycledTao += tao;
  state.columns.mechRecycledTao[slot]! += tao;
}

/**
 * Apply one mechanism intent to an active slot; returns the amount filled (TAO, alpha or credits; 1 or 0
 * for the vesting forfeit). A mechanism that is off fills nothing.
 */
export function applyMechanismIntent(
  state: KernelState,
  params: KernelParams,
  intent: MechanismIntent,
  buy: PoolBuy,
): number {
  const m = params.mechanisms;
  const c = state.columns;
  const i = intent.slot;
  switch (intent.kind) {
    case 'covenantBond': {
      if (m?.covenant === undefined || !positive(intent.tao)) return 0;
      const tao = spendable(state, intent.tao);
      state.external -= tao;
      c.bondTao[i]! += tao;
      c.covenantOn[i] = 1;
      return tao;
    }
    case 'covenantAttest': {
      if (m?.covenant === undefined || c.covenantOn[i] !== 1 || !positive(intent.revenueTao)) return 0;
      c.covenantDue[i]! += m.covenant.share * intent.revenueTao;
      return intent.revenueTao;
    }
    case 'covenantPay': {
      if (m?.covenant === undefined || c.covenantOn[i] !== 1 || !positive(intent.tao)) return 0;
      const b = buy(intent);
      if (b === null) return 0;
      c.burnedAlpha[i]! += b.alpha;
      c.burnedValueTao[i]! += b.net;
      c.covenantPaid[i]! += b.gross;
      return b.gross;
    }
    case 'forfeitVesting': {
      if (m?.vesting === undefined) return 0;
      forfeit(state, i);
      return 1;
    }
    case 'buyCredits': {
      if (m?.credits === undefined || !positive(intent.tao) || !positive(intent.credits)) return 0;
      const tao = spendable(state, intent.tao);
      state.external -= tao;
      c.creditEscrowTao[i]! += tao;
      c.creditsOutstanding[i]! += (intent.credits * tao) / intent.tao;
      return tao;
    }
    case 'redeemCredits': {
      if (m?.credits === undefined || !positive(intent.credits)) return 0;
      const credits = Math.min(intent.credits, c.creditsOutstanding[i]!);
      if (!(credits > 0)) return 0;
      const served = Math.min(Math.max(Number.isFinite(intent.served) ? intent.served : 0, 0), credits);
      c.creditsOutstanding[i]! -= credits;
      c.creditsRedeemed[i]! += credits;
      c.creditsUnserved[i]! += credits - served;
      return credits;
    }
    case 'usagePayment': {
      if (m?.usageEmission === undefined || !positive(intent.tao)) return 0;
      const tao = spendable(state, intent.tao);
      recycleFromUsers(state, i, tao);
      c.usagePaidTao[i]! += tao;
      return tao;
    }
    case 'computeJob': {
      if (m?.computeMarket === undefined || !positive(intent.tao)) return 0;
      const tao = spendable(state, intent.tao);
      const fee = tao * m.computeMarket.feeShare;
      state.external -= fee;
      c.treasuryTao[i]! += fee;
      recycleFromUsers(state, i, tao - fee);
      c.computeBurnTao[i]! += tao - fee;
      c.computeWork[i]! += tao;
      return tao;
    }
  }
}

/** Burn a slot's unvested owner alpha (it stays in AlphaOut as burned alpha). */
function forfeit(state: KernelState, slot: number): void {
  const c = state.columns;
  const alpha = c.vestingAlpha[slot]!;
  c.vestingAlpha[slot] = 0;
  c.burnedAlpha[slot]! += alpha;
  c.forfeitedAlpha[slot]! += alpha;
}

/**
 * Mix the usage share into the pack's shares and zero the shares of defaulted slots (renormalised, as
 * root's switch is); returns the new share sum. Only runs when a mechanism that touches shares is on.
 */
export function mechanismShares(
  state: KernelState,
  params: KernelParams,
  shares: Float64Array,
  shareSum: number,
): number {
  const m = params.mechanisms;
  if (m === undefined || !(shareSum > 0)) return shareSum;
  const c = state.columns;
  const slots = shares.length;
  const block = state.block;
  const lambda = m.usageEmission?.lambda ?? 0;
  if (lambda > 0) {
    let usageSum = 0;
    for (let i = 0; i < slots; i++) {
      if (c.active[i] === 1 && c.startBlock[i]! <= block && c.emissionEnabled[i] === 1)
        usageSum += c.usageEma[i]!;
    }
    if (usageSum > 0) {
      for (let i = 0; i < slots; i++) {
        const eligible = c.active[i] === 1 && c.startBlock[i]! <= block && c.emissionEnabled[i] === 1;
        const u = eligible ? c.usageEma[i]! / usageSum : 0;
        shares[i] = ((1 - lambda) * shares[i]!) / shareSum + lambda * u;
      }
      shareSum = 1;
    }
  }
  let kept = 0;
  let any = false;
  for (let i = 0; i < slots; i++) {
    if (c.defaulted[i] === 1 && shares[i]! > 0) {
      shares[i] = 0;
      any = true;
    }
    kept += shares[i]!;
  }
  if (!any) return shareSum;
  if (!(kept > 0)) {
    shares.fill(0);
    return 0;
  }
  for (let i = 0; i < slots; i++) shares[i] = (shares[i]! / kept) * shareSum;
  return shareSum;
}

/**
 * After a step's coinbase (`blocks` blocks ending at the state's block): advance the usage EMA, release
 * vested alpha and credit proceeds, mint the compute emission, and judge covenant and credit periods that
 * ended inside the step.
 */
export function settleMechanisms(state: KernelState, params: KernelParams, blocks: number): void {
  const m = params.mechanisms;
  if (m === undefined || !(blocks > 0)) return;
  const c = state.columns;
  const slots = c.active.length;
  const end = state.block;
  const usageDecay = m.usageEmission === undefined ? 1 : 0.5 ** (blocks / m.usageEmission.halfLife);
  const vestRate = m.vesting === undefined ? 0 : Math.min(1, blocks / m.vesting.vestDuration);
  const releaseRate = m.credits === undefined ? 0 : Math.min(1, blocks / m.credits.releaseDuration);
  const period = m.period;
  const periodEnded = Math.floor(end / period) > Math.floor((end - blocks) / period);
  let work = 0;
  for (let i = 0; i < slots; i++) work += c.computeWork[i]!;
  const mint =
    m.computeMarket !== undefined && work > 0
      ? Math.min(m.computeMarket.mint * blocks, Math.max(0, TOTAL_SUPPLY_TAO - state.issuance))
      : 0;
  for (let i = 0; i < slots; i++) {
    if (mint > 0 && c.computeWork[i]! > 0) {
      const paid = (mint * c.computeWork[i]!) / work;
      c.computeMintTao[i]! += paid;
      state.external += paid;
    }
    c.computeWork[i] = 0;
    if (c.active[i] !== 1) continue;
    if (m.usageEmission !== undefined) {
      const perBlock = (c.usagePaidTao[i]! - c.usageMark[i]!) / blocks;
      c.usageMark[i] = c.usagePaidTao[i]!;
      c.usageEma[i] = emaOver(c.usageEma[i]!, perBlock, usageDecay);
    }
    if (m.vesting !== undefined && c.vestingAlpha[i]! > 0) {
      const start = Math.max(c.registeredAt[i]!, m.vesting.startBlock);
      if (end - start >= m.vesting.cliff) {
        const released = c.vestingAlpha[i]! * vestRate;
        c.vestingAlpha[i]! -= released;
        c.holdings[OWNER * slots + i]! += released;
        c.vestedAlpha[i]! += released;
      }
    }
    if (releaseRate > 0 && c.creditEscrowTao[i]! > 0) {
      const released = c.creditEscrowTao[i]! * releaseRate;
      c.creditEscrowTao[i]! -= released;
      state.external += released;
    }
    if (periodEnded) judgePeriod(state, params, i);
  }
  if (mint > 0) state.issuance += mint;
}

/** Close a slot's period: a short covenant payment or too many unserved redemptions is a miss. */
function judgePeriod(state: KernelState, params: KernelParams, i: number): void {
  const m = params.mechanisms!;
  const c = state.columns;
  let missed = false;
  if (m.covenant !== undefined && c.covenantOn[i] === 1) {
    const due = c.covenantDue[i]!;
    // No payment at all in a period is a miss (a team gone dark), as is a short payment on attested revenue.
    const paid = c.covenantPaid[i]!;
    if (!(paid > 0) || (due > 0 && paid < (1 - m.covenant.tolerance) * due)) missed = true;
  }
  if (m.credits !== undefined && c.creditsRedeemed[i]! > 0) {
    if (c.creditsUnserved[i]! > m.credits.tolerance * c.creditsRedeemed[i]!) missed = true;
  }
  c.covenantDue[i] = 0;
  c.covenantPaid[i] = 0;
  c.creditsRedeemed[i] = 0;
  c.creditsUnserved[i] = 0;
  if (!missed) {
    c.missedPeriods[i] = 0;
    c.defaulted[i] = 0; // a period met in full cures a default
    return;
  }
  c.missedPeriods[i]! += 1;
  const grace = m.covenant?.gracePeriods ?? 1;
  if (c.defaulted[i] === 1 || c.missedPeriods[i]! < grace) return;
  c.defaulted[i] = 1;
  c.defaults[i]! += 1;
  const bond = c.bondTao[i]!;
  c.bondTao[i] = 0;
  c.slashedTao[i]! += bond;
  c.mechRecycledTao[i]! += bond;
  state.issuance -= bond;
  state.recycledTao += bond;
  // Credit holders are refunded what the lab has not yet drawn.
  state.external += c.creditEscrowTao[i]!;
  c.creditEscrowTao[i] = 0;
}

/**
 * At dissolution: unvested alpha is burned (before the slot's alpha is cleared), an unslashed bond and
 * unreleased credit proceeds go back to users, and the slot's mechanism state is cleared.
 */
export function dissolveMechanisms(state: KernelState, slot: number): void {
  const c = state.columns;
  forfeit(state, slot);
  state.external += c.bondTao[slot]! + c.creditEscrowTao[slot]!;
  for (const column of [
    c.covenantOn,
    c.bondTao,
    c.covenantDue,
    c.covenantPaid,
    c.missedPeriods,
    c.defaulted,
    c.creditsOutstanding,
    c.creditEscrowTao,
    c.creditsRedeemed,
    c.creditsUnserved,
    c.usageEma,
  ]) {
    column[slot] = 0;
  }
  c.usageMark[slot] = c.usagePaidTao[slot]!;
}
