/**
 * Mechanism add-ons (mechanisms.md §1–5): their parameters, their state on the chain, and the genesis
 * switch. Every mechanism is off unless the genesis config names it; a chain without any keeps no
 * `mechanisms` field at all, so its states (and state roots) are exactly those of the plain chain.
 */
import { BLOCKS_PER_DAY, RAO_PER_TAO } from '../chainConstants.ts';
import { InputError } from '../errors.ts';
import { DEFAULT_CHAIN_PARAMS } from '../state/defaults.ts';
import type { Coldkey, Hotkey, NetUid } from '../types.ts';

/** Parts per million: the denominator of every `...Ppm` parameter. */
export const PPM = 1_000_000n;

/** Where covenant payments and slashed bonds can go. */
export const PAY_TO_CHOICES = ['burn', 'stakers'] as const;

/** Where covenant payments and slashed bonds go. */
export type PayTo = (typeof PAY_TO_CHOICES)[number];

/** Where `usage_pay` TAO can go. */
export const USAGE_PAY_TO_CHOICES = ['burn', 'escrow'] as const;

/** Revenue covenant parameters (§1). Terms (r, B, P, g) are chosen by each owner in `covenant_open`. */
export interface CovenantParams {
  /** Covenant payments: buy alpha and burn it, or pay the TAO to the subnet's alpha stakers. */
  readonly payTo: PayTo;
  /** A slashed bond: burned (removed from issuance) or paid to the subnet's alpha stakers. */
  readonly slashTo: PayTo;
  /** Smallest bond an owner may post, in rao. */
  readonly minBond: bigint;
}

/** Vesting and exit bond parameters (§2). */
export interface VestingParams {
  /** V: epochs (of the subnet) over which each owner-cut tranche vests linearly. */
  readonly vestDuration: number;
  /** D: epochs without weights and without paid service after which a subnet is dark. */
  readonly darkEpochs: number;
  /** What vests: only the owner cut (the top miners' incentive is not escrowed in this engine). */
  readonly appliesTo: 'ownerCut';
}

/** Access credit parameters (§3). */
export interface CreditsParams {
  /** Blocks the lab has to serve a redemption. */
  readonly serveDeadlineBlocks: number;
  /** Unserved redemptions (count, per sale) tolerated before the default path. */
  readonly tolerance: number;
}

/** Usage-weighted emission parameters (§4). */
export interface UsageEmissionParams {
  /** λ in ppm: the weight of the usage share in each subnet's emission share. */
  readonly lambda: bigint;
  /** EMA half-life in blocks; the per-block EMA weight is ⌊693147 / halfLife⌋ ppm (ln 2 ≈ 0.693147). */
  readonly halfLife: number;
  /** `usage_pay` TAO: burned (removed from issuance) or escrowed in the subnet account. */
  readonly payTo: (typeof USAGE_PAY_TO_CHOICES)[number];
}

/** Burn-and-mint compute market parameters (§5). */
export interface ComputeMarketParams {
  /** Blocks per market epoch. */
  readonly epochBlocks: number;
  /** Mint of the first market epoch, in rao, paid to providers pro rata to verified work. */
  readonly mint: bigint;
  /** Market epochs after which the mint halves (0 = never). */
  readonly halvingEpochs: number;
  /** Fee share of each purchase paid to the treasury, in ppm; the rest is burned. */
  readonly feeShare: bigint;
  /** Coldkey receiving the fees. */
  readonly treasury: string;
}

/** The genesis switch: each present key turns a mechanism on, with partial parameters over the defaults. */
export interface MechanismsConfig {
  readonly covenant?: Partial<CovenantParams>;
  readonly vesting?: Partial<VestingParams>;
  readonly credits?: Partial<CreditsParams>;
  readonly usageEmission?: Partial<UsageEmissionParams>;
  readonly computeMarket?: Partial<ComputeMarketParams>;
}

/** Default parameters of each mechanism (used for any field the config leaves out). */
export const MECHANISM_DEFAULTS = {
  covenant: { payTo: 'burn', slashTo: 'burn', minBond: RAO_PER_TAO } satisfies CovenantParams,
  vesting: { vestDuration: 30, darkEpochs: 10, appliesTo: 'ownerCut' } satisfies VestingParams,
  credits: { serveDeadlineBlocks: 100, tolerance: 0 } satisfies CreditsParams,
  usageEmission: { lambda: 200_000n, halfLife: BLOCKS_PER_DAY, payTo: 'burn' } satisfies UsageEmissionParams,
  computeMarket: {
    epochBlocks: DEFAULT_CHAIN_PARAMS.defaultTempo,
    mint: 100_000_000_000n,
    halvingEpochs: 0,
    feeShare: 50_000n,
    treasury: 'treasury',
  } satisfies ComputeMarketParams,
} as const;

/** A subnet's bonded revenue covenant. */
export interface Covenant {
  readonly owner: Coldkey;
  /** r in ppm of attested revenue. */
  readonly share: bigint;
  /** B as posted (re-posted on cure), rao. */
  readonly bondTerms: bigint;
  /** TAO currently in escrow (0 after a slash). */
  readonly bond: bigint;
  readonly period: number;
  readonly gracePeriods: number;
  /** Subnet epoch index at which the current period started. */
  readonly periodStart: number;
  /** Revenue attested this period by validator hotkeys (rao). */
  readonly attestations: ReadonlyMap<Hotkey, bigint>;
  /** TAO paid this period (rao). */
  readonly paid: bigint;
  /** Shortfalls of past periods not yet paid (rao). */
  readonly arrears: bigint;
  /** Consecutive periods without any payment. */
  readonly unpaidPeriods: number;
  readonly defaulted: boolean;
}

/** One vesting tranche of alpha, starting at a subnet epoch. */
export interface VestingTranche {
  readonly amount: bigint;
  readonly startEpoch: number;
}

/** A subnet's vesting escrow of owner-cut alpha (counted in the subnet's AlphaOut holders). */
export interface VestingEscrow {
  readonly beneficiary: Coldkey;
  readonly hotkey: Hotkey;
  readonly tranches: readonly VestingTranche[];
  /** Alpha claimed so far out of the tranches still listed. */
  readonly claimed: bigint;
}

/** A redemption waiting to be served. */
export interface Redemption {
  readonly holder: Coldkey;
  readonly credits: bigint;
  readonly deadline: number;
}

/** One credit tranche: `amount` credits at `price` rao each. */
export interface CreditTranche {
  readonly amount: bigint;
  readonly price: bigint;
}

/**
 * A credit sale. Credits are not TAO; their own identity is
 * `supply = unsold + Σ holders + redeemed`, where `unsold = supply − sold`.
 */
export interface CreditSale {
  readonly netuid: NetUid;
  readonly seller: Coldkey;
  readonly supply: bigint;
  readonly tranches: readonly CreditTranche[];
  readonly sold: bigint;
  readonly raised: bigint;
  readonly holders: ReadonlyMap<Coldkey, bigint>;
  /** Credits burned by redemptions. */
  readonly redeemed: bigint;
  readonly redemptions: ReadonlyMap<number, Redemption>;
  readonly nextRedemption: number;
  readonly served: number;
  readonly unserved: number;
}

/** Usage record of a subnet: TAO paid since the last EMA step and the EMA (rao, floored). */
export interface UsageRecord {
  readonly pending: bigint;
  readonly ema: bigint;
}

/** Compute market state. */
export interface ComputeState {
  /** Oracle price in rao per USD (0 = not set). */
  readonly raoPerUsd: bigint;
  /** Market epoch index (0 at genesis). */
  readonly epoch: number;
  /** Verified work units per provider hotkey this market epoch. */
  readonly work: ReadonlyMap<Hotkey, bigint>;
  readonly minted: bigint;
  readonly burned: bigint;
}

/** Why a subnet's TAO emission share is zero. */
export type CutReason = 'covenant' | 'credits';

/** Every mechanism's state: `params.x === null` means mechanism x is off. */
export interface MechanismsState {
  readonly params: {
    readonly covenant: CovenantParams | null;
    readonly vesting: VestingParams | null;
    readonly credits: CreditsParams | null;
    readonly usageEmission: UsageEmissionParams | null;
    readonly computeMarket: ComputeMarketParams | null;
  };
  readonly covenants: ReadonlyMap<NetUid, Covenant>;
  readonly vesting: ReadonlyMap<NetUid, VestingEscrow>;
  readonly sales: ReadonlyMap<number, CreditSale>;
  readonly nextSale: number;
  readonly usage: ReadonlyMap<NetUid, UsageRecord>;
  readonly compute: ComputeState;
  /** Subnets whose TAO emission share is set to zero until cured. */
  readonly cut: ReadonlyMap<NetUid, CutReason>;
  /** Last block of paid service per subnet (usage payments, served redemptions): the dark check. */
  readonly lastService: ReadonlyMap<NetUid, number>;
}

function positiveInt(field: string, v: number): number {
  if (!Number.isInteger(v) || v < 1) throw new InputError(field, 'must be a positive integer');
  return v;
}

function ppm(field: string, v: bigint): bigint {
  if (typeof v !== 'bigint' || v < 0n || v > PPM)
    throw new InputError(field, 'must be a bigint ppm in 0..1e6');
  return v;
}

function rao(field: string, v: bigint): bigint {
  if (typeof v !== 'bigint' || v < 0n) throw new InputError(field, 'must be a non-negative bigint (rao)');
  return v;
}

/**
 * The mechanisms state of a new chain, or undefined when the config switches none on.
 * @example resolveMechanisms({ covenant: { payTo: 'stakers' } })?.params.covenant?.minBond // 1e9
 */
export function resolveMechanisms(config: MechanismsConfig | undefined): MechanismsState | undefined {
  if (config === undefined) return undefined;
  const d = MECHANISM_DEFAULTS;
  const covenant = config.covenant === undefined ? null : { ...d.covenant, ...config.covenant };
  if (covenant !== null) rao('mechanisms.covenant.minBond', covenant.minBond);
  const vesting = config.vesting === undefined ? null : { ...d.vesting, ...config.vesting };
  if (vesting !== null) {
    positiveInt('mechanisms.vesting.vestDuration', vesting.vestDuration);
    positiveInt('mechanisms.vesting.darkEpochs', vesting.darkEpochs);
  }
  const credits = config.credits === undefined ? null : { ...d.credits, ...config.credits };
  if (credits !== null) {
    positiveInt('mechanisms.credits.serveDeadlineBlocks', credits.serveDeadlineBlocks);
    if (!Number.isInteger(credits.tolerance) || credits.tolerance < 0)
      throw new InputError('mechanisms.credits.tolerance', 'must be a non-negative integer');
  }
  const usageEmission =
    config.usageEmission === undefined ? null : { ...d.usageEmission, ...config.usageEmission };
  if (usageEmission !== null) {
    ppm('mechanisms.usageEmission.lambda', usageEmission.lambda);
    positiveInt('mechanisms.usageEmission.halfLife', usageEmission.halfLife);
  }
  const computeMarket =
    config.computeMarket === undefined ? null : { ...d.computeMarket, ...config.computeMarket };
  if (computeMarket !== null) {
    positiveInt('mechanisms.computeMarket.epochBlocks', computeMarket.epochBlocks);
    rao('mechanisms.computeMarket.mint', computeMarket.mint);
    ppm('mechanisms.computeMarket.feeShare', computeMarket.feeShare);
    if (!Number.isInteger(computeMarket.halvingEpochs) || computeMarket.halvingEpochs < 0)
      throw new InputError('mechanisms.computeMarket.halvingEpochs', 'must be a non-negative integer');
  }
  return {
    params: { covenant, vesting, credits, usageEmission, computeMarket },
    covenants: new Map(),
    vesting: new Map(),
    sales: new Map(),
    nextSale: 0,
    usage: new Map(),
    compute: { raoPerUsd: 0n, epoch: 0, work: new Map(), minted: 0n, burned: 0n },
    cut: new Map(),
    lastService: new Map(),
  };
}

/** TAO the mechanisms hold outside balances and pools (covenant bonds), in rao. */
export function mechanismTaoHeld(m: MechanismsState | undefined): bigint {
  if (m === undefined) return 0n;
  let held = 0n;
  for (const c of m.covenants.values()) held += c.bond;
  return held;
}

/** Alpha of a subnet held in its vesting escrow (unclaimed), in raw units. */
export function vestingAlphaHeld(m: MechanismsState | undefined, id: NetUid): bigint {
  const e = m?.vesting.get(id);
  if (e === undefined) return 0n;
  return e.tranches.reduce((t, x) => t + x.amount, 0n) - e.claimed;
}
