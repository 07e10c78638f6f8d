/**
 * Agents of the binding mechanisms (spec/mechanisms.md §1–5): teams bond, attest and pay covenants from
 * their revenue, sell access credits and serve redemptions, users pay for usage and compute jobs; and the
 * adversaries: revenue under-reporters, wash-usage traders, teams that leave right after the vesting
 * cliff, and redemption griefers. Policies read the state and a random stream and return intents; each
 * adversary's profit (TAO) is kept in the book.
 */
import { BLOCKS_PER_DAY } from '../../../engine/chainConstants.ts';
import type { KernelIntent, KernelState, StepReport } from '../../../engine/kernel/types.ts';
import type { Rng } from '../../rng/stream.ts';
import type { AgentContext } from './agents.ts';
import { outsideRevenue } from './agents.ts';
import type { ModelParams } from './params.ts';
import { LEFT, ON_NETWORK } from './world.ts';

/** One redemption griefer's position. */
interface Grief {
  readonly slot: number;
  readonly teamId: number;
  buyIntent: number;
  redeemIntent: number;
  credits: number;
  taoIn: number;
}

/** Mechanism bookkeeping per slot, and the adversaries' profits. */
export interface MechanismBook {
  /** Team id whose mechanism set-up is done (-1 = none yet). */
  readonly seenTeam: Int32Array;
  readonly startDay: Float64Array;
  readonly underReporter: Uint8Array;
  readonly washer: Uint8Array;
  readonly cliffExiter: Uint8Array;
  /** Credit sale: TAO per credit, credits sold. */
  readonly creditPriceTao: Float64Array;
  readonly creditsSold: Float64Array;
  /** EMA of a wash trader's own usage (TAO per day), as the kernel's usage EMA would see it. */
  readonly washEma: Float64Array;
  /** USD per day a team weighs for staying (bond and unvested alpha at stake, covenant paid, credit proceeds). */
  readonly stayAdjustUsd: Float64Array;
  /** 1 when a team leaves this step whatever its review says (a cliff exiter). */
  readonly forceLeave: Uint8Array;
  readonly prevSlashed: Float64Array;
  readonly prevVested: Float64Array;
  readonly griefs: Grief[];
  underReportProfitTao: number;
  washProfitTao: number;
  cliffExitProfitTao: number;
  griefProfitTao: number;
}

/** An empty book for `slots` slots. */
export function createMechanismBook(slots: number): MechanismBook {
  return {
    seenTeam: new Int32Array(slots).fill(-1),
    startDay: new Float64Array(slots),
    underReporter: new Uint8Array(slots),
    washer: new Uint8Array(slots),
    cliffExiter: new Uint8Array(slots),
    creditPriceTao: new Float64Array(slots),
    creditsSold: new Float64Array(slots),
    washEma: new Float64Array(slots),
    stayAdjustUsd: new Float64Array(slots),
    forceLeave: new Uint8Array(slots),
    prevSlashed: new Float64Array(slots),
    prevVested: new Float64Array(slots),
    griefs: [],
    underReportProfitTao: 0,
    washProfitTao: 0,
    cliffExitProfitTao: 0,
    griefProfitTao: 0,
  };
}

/** Whether any mechanism is on. */
export function anyMechanism(params: ModelParams): boolean {
  const m = params.mechanisms;
  return (
    m.covenant.enabled ||
    m.vesting.enabled ||
    m.credits.enabled ||
    m.usageEmission.enabled ||
    m.computeMarket.enabled
  );
}

/** Team revenue captured on the network this step, TAO. */
function revenueTao(ctx: AgentContext, slot: number): number {
  return ctx.taoUsd > 0
    ? (ctx.params.teams.onNetworkRevenueShare * outsideRevenue(ctx, slot) * ctx.dt) / ctx.taoUsd
    : 0;
}

/**
 * Before the teams act: draw the roles of new teams and set what each team weighs for staying and
 * whether a cliff exiter leaves now.
 */
export function mechanismsBeforeTeams(ctx: AgentContext, book: MechanismBook, rng: Rng): void {
  const { state, world, params, day, taoUsd } = ctx;
  const m = params.mechanisms;
  const c = state.columns;
  for (let i = 0; i < world.slots; i++) {
    book.forceLeave[i] = 0;
    book.stayAdjustUsd[i] = 0;
    if (world.status[i] !== ON_NETWORK) continue;
    const id = world.teamId[i]!;
    if (book.seenTeam[i] !== id) {
      book.startDay[i] = day;
      book.underReporter[i] = m.covenant.enabled && rng.bernoulli(m.covenant.underReporters) ? 1 : 0;
      book.washer[i] = m.usageEmission.enabled && rng.bernoulli(m.usageEmission.washTraders) ? 1 : 0;
      book.cliffExiter[i] = m.vesting.enabled && rng.bernoulli(m.vesting.cliffExiters) ? 1 : 0;
      book.washEma[i] = 0;
    }
    const price = ctx.spot?.[i] ?? 0;
    let adjust = 0;
    if (m.covenant.enabled) {
      const revenueUsd = params.teams.onNetworkRevenueShare * outsideRevenue(ctx, i);
      adjust += (c.bondTao[i]! * taoUsd) / 365 - m.covenant.share * revenueUsd;
    }
    if (m.vesting.enabled) adjust += (c.vestingAlpha[i]! * price * taoUsd) / 365;
    if (m.credits.enabled)
      adjust += (c.creditEscrowTao[i]! * taoUsd) / Math.max(1, m.credits.releaseDuration);
    book.stayAdjustUsd[i] = adjust;
    if (book.cliffExiter[i] === 1 && day >= book.startDay[i]! + m.vesting.cliff + 1) book.forceLeave[i] = 1;
  }
}

/** Share of redemptions a lab of this quality delivers (0 once its team has left). */
function delivery(params: ModelParams, quality: number, status: number): number {
  if (status !== ON_NETWORK) return 0;
  return params.mechanisms.credits.deliveryBase ** (1 / Math.max(Math.min(quality, 1), 0.05));
}

/**
 * After the teams act: set-up intents for new teams, covenant attestation and payment, usage and wash
 * usage, compute jobs, credit redemptions, griefers, and vesting forfeits for teams that left.
 * `emittedPerDay` is the TAO emitted per day over the last step (what usage shares divide).
 */
export function mechanismsAct(
  ctx: AgentContext,
  book: MechanismBook,
  rng: Rng,
  leavers: readonly number[],
  emittedPerDay: number,
): void {
  const { state, world, params, dt, taoUsd, intents, market } = ctx;
  const m = params.mechanisms;
  const c = state.columns;
  const push = (intent: KernelIntent) => {
    intents.push(intent);
  };
  if (m.vesting.enabled) for (const slot of leavers) push({ kind: 'forfeitVesting', slot });
  let usageTotal = 0;
  let weightSum = 0;
  for (let i = 0; i < world.slots; i++) {
    usageTotal += c.usageEma[i]! * BLOCKS_PER_DAY;
    if (world.status[i] === ON_NETWORK)
      weightSum += world.quality[i]! * world.outsideBase[i]! * Math.sqrt(world.miners[i]! / 255);
  }
  const jobsUsd = (m.computeMarket.jobsUsdPerDay * market.aiDemand * dt) / market.competition;
  const washDecay = 0.5 ** (dt / Math.max(m.usageEmission.halfLife, 1e-9));
  for (let i = 0; i < world.slots; i++) {
    if (c.active[i] !== 1 || taoUsd <= 0) continue;
    const on = world.status[i] === ON_NETWORK;
    const id = world.teamId[i]!;
    if (on && book.seenTeam[i] !== id) {
      book.seenTeam[i] = id;
      if (m.covenant.enabled) push({ kind: 'covenantBond', slot: i, tao: m.covenant.bond });
      if (m.credits.enabled) {
        const usd = m.credits.saleDaysOfOpex * params.teams.opexUsdPerDay;
        book.creditPriceTao[i] = 1 / taoUsd; // a credit sells for 1 USD
        book.creditsSold[i] = usd;
        if (usd > 0) push({ kind: 'buyCredits', slot: i, tao: usd / taoUsd, credits: usd });
      }
    }
    const revenue = on ? revenueTao(ctx, i) : 0;
    if (m.covenant.enabled && on && revenue > 0) {
      const noise = m.covenant.attestationNoise;
      const attested = revenue * Math.exp(noise * rng.normal() - 0.5 * noise * noise);
      push({ kind: 'covenantAttest', slot: i, revenueTao: attested });
      const reported = book.underReporter[i] === 1 ? revenue * m.covenant.underReportShare : revenue;
      if (reported > 0) push({ kind: 'covenantPay', slot: i, tao: m.covenant.share * reported });
      book.underReportProfitTao += m.covenant.share * (revenue - reported);
    }
    if (m.usageEmission.enabled && on) {
      const paid = m.usageEmission.paidShare * revenue;
      if (paid > 0) push({ kind: 'usagePayment', slot: i, tao: paid });
      if (book.washer[i] === 1) washUsage(ctx, book, i, usageTotal, emittedPerDay, washDecay);
    }
    if (m.computeMarket.enabled && on && weightSum > 0) {
      const w = world.quality[i]! * world.outsideBase[i]! * Math.sqrt(world.miners[i]! / 255);
      const tao = (jobsUsd * w) / weightSum / taoUsd;
      if (tao > 0) push({ kind: 'computeJob', slot: i, tao });
    }
    if (m.credits.enabled && book.creditsSold[i]! > 0 && c.creditsOutstanding[i]! > 0) {
      const rate = book.creditsSold[i]! / Math.max(1, m.credits.redeemDays);
      const honest = Math.min(rate * dt, c.creditsOutstanding[i]!);
      let burst = 0;
      for (const g of book.griefs) if (g.slot === i && g.redeemIntent === -2) burst += g.credits;
      const capacity = m.credits.capacityMultiple * rate * dt;
      const requested = honest + burst;
      const served = Math.min(requested, capacity) * delivery(params, world.quality[i]!, world.status[i]!);
      if (honest > 0)
        push({ kind: 'redeemCredits', slot: i, credits: honest, served: (served * honest) / requested });
      for (const g of book.griefs) {
        if (g.slot !== i || g.redeemIntent !== -2) continue;
        const gs = (served * g.credits) / requested;
        g.redeemIntent = intents.length;
        push({ kind: 'redeemCredits', slot: i, credits: g.credits, served: gs });
        book.griefProfitTao += gs * book.creditPriceTao[i]! - g.taoIn; // service received at the sale price
      }
    }
  }
  if (m.credits.enabled) {
    const arrivals = rng.poisson((m.credits.griefersPerYear * dt) / 365);
    for (let k = 0; k < arrivals; k++) {
      const slot = Math.floor(rng.uniform() * world.slots);
      if (c.active[slot] !== 1 || world.status[slot] !== ON_NETWORK || !(book.creditPriceTao[slot]! > 0))
        continue;
      book.griefs.push({
        slot,
        teamId: world.teamId[slot]!,
        buyIntent: intents.length,
        redeemIntent: -1,
        credits: 0,
        taoIn: 0,
      });
      push({
        kind: 'buyCredits',
        slot,
        tao: m.credits.griefTao,
        credits: m.credits.griefTao / book.creditPriceTao[slot]!,
      });
    }
  }
}

/** A wash trader pays itself the usage that maximises emission gained less fee burned. */
function washUsage(
  ctx: AgentContext,
  book: MechanismBook,
  i: number,
  usageTotal: number,
  emittedPerDay: number,
  decay: number,
): void {
  const m = ctx.params.mechanisms.usageEmission;
  const c = ctx.state.columns;
  const own = c.usageEma[i]! * BLOCKS_PER_DAY;
  const others = Math.max(0, usageTotal - own);
  const gainScale = m.lambda * emittedPerDay;
  // d/dw [λE·w/(U + w) − w] = 0 at w = √(λE·U) − U; with no other usage any amount takes the whole λ.
  const best = others > 0 ? Math.sqrt(gainScale * others) - others : m.washMaxTaoPerDay;
  const wash = Math.min(Math.max(best, 0), m.washMaxTaoPerDay);
  book.washEma[i] = book.washEma[i]! * decay + wash * (1 - decay);
  if (wash > 0) ctx.intents.push({ kind: 'usagePayment', slot: i, tao: wash * ctx.dt });
  // Emission the wash took this step (upper bound: as if the trader held the whole subnet), less its fee.
  const washOwn = Math.min(book.washEma[i]!, own);
  const without = usageTotal - washOwn > 0 ? (own - washOwn) / (usageTotal - washOwn) : 0;
  const withWash = usageTotal > 0 ? own / usageTotal : 0;
  book.washProfitTao += gainScale * ctx.dt * Math.max(0, withWash - without) - wash * ctx.dt;
}

/** After the kernel step: slashed bonds charged to under-reporters, vesting taken by cliff exiters, griefs settled. */
export function mechanismsSettle(args: {
  readonly state: KernelState;
  readonly book: MechanismBook;
  readonly report: StepReport;
  readonly world: AgentContext['world'];
  readonly spot: Float64Array;
}): void {
  const { state, book, report, world, spot } = args;
  const c = state.columns;
  for (let i = 0; i < world.slots; i++) {
    const slashed = c.slashedTao[i]! - book.prevSlashed[i]!;
    book.prevSlashed[i] = c.slashedTao[i]!;
    if (slashed > 0 && book.underReporter[i] === 1) book.underReportProfitTao -= slashed;
    const vested = c.vestedAlpha[i]! - book.prevVested[i]!;
    book.prevVested[i] = c.vestedAlpha[i]!;
    if (vested > 0 && book.cliffExiter[i] === 1 && world.status[i] !== LEFT)
      book.cliffExitProfitTao += vested * spot[i]!;
  }
  for (let k = book.griefs.length - 1; k >= 0; k--) {
    const g = book.griefs[k]!;
    if (g.buyIntent >= 0) {
      g.taoIn = report.filled[g.buyIntent] ?? 0;
      g.credits = g.taoIn / Math.max(book.creditPriceTao[g.slot]!, 1e-12);
      g.buyIntent = -1;
      g.redeemIntent = g.credits > 0 ? -2 : -1; // redeem the whole position in one burst next step
      if (g.credits <= 0) book.griefs.splice(k, 1);
    } else if (g.redeemIntent >= 0) book.griefs.splice(k, 1);
  }
}

/** The largest profit among the adversaries active under the scenario's mechanisms. */
export function bestMechanismAdversary(params: ModelParams, book: MechanismBook): number[] {
  const m = params.mechanisms;
  const out: number[] = [];
  if (m.covenant.enabled && m.covenant.underReporters > 0) out.push(book.underReportProfitTao);
  if (m.usageEmission.enabled && m.usageEmission.washTraders > 0) out.push(book.washProfitTao);
  if (m.vesting.enabled && m.vesting.cliffExiters > 0) out.push(book.cliffExitProfitTao);
  if (m.credits.enabled && m.credits.griefersPerYear > 0) out.push(book.griefProfitTao);
  return out;
}
