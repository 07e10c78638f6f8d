/**
 * The fast kernel's contract: all subnets of one simulated future as `Float64Array` columns, advanced
 * one step (k blocks) at a time with the rule pack's semantics aggregated in closed form. Units are
 * float64 TAO and alpha (not rao). The kernel is the only code that changes a `KernelState`; agents
 * read it and return `KernelIntent`s.
 *
 * Holdings of each subnet's alpha are kept by holder class so the simulator can follow who receives
 * emission and who sells: `AlphaOut = Σ_class holdings + protocol alpha + pending + burned + unowned`
 * (root dividends owed are the `root` class). TAO: `issuance + uncountedTao = Σ (taoReserve + accountTao) +
 * rootStake + burnedTao + external + mechanism escrows (bonds, credit proceeds, treasuries)`; owner alpha in
 * vesting escrow is an AlphaOut holder. `kernelStep` advances a state, `kernelBalance` measures both identities.
 */
import type { KnobOf, MechanismSection } from '../mechanisms/mechanismKnobs.ts';
import { RULE_PACKS, type RulePackName } from '../rules/rulePackTraits.ts';
import type { NeuronsMode } from './neurons/neuronsMode.ts';

/** Who holds alpha on a subnet (the simulator's actor classes). */
export type HolderClass = 'staker' | 'owner' | 'miner' | 'speculator' | 'root';

/** Holder classes in column order. */
export const HOLDER_CLASSES: readonly HolderClass[] = ['staker', 'owner', 'miner', 'speculator', 'root'];

/** Column index of each holder class in `holdings` (the position in {@link HOLDER_CLASSES}). */
export const HOLDER_INDEX = Object.fromEntries(HOLDER_CLASSES.map((holder, k) => [holder, k])) as Readonly<
  Record<HolderClass, number>
>;

/**
 * The column of `holder` in `holdings` (its position in {@link HOLDER_CLASSES}), or -1 for anything that
 * is not a holder class. A search of the five names, not `HOLDER_INDEX[holder]`: a lookup keyed by a name
 * that changes from call to call goes megamorphic in V8, and the intents make one per trade. The loop is
 * written out because V8 inlines it, where `indexOf` stays a call into a builtin.
 */
export function holderColumnOf(holder: unknown): number {
  for (let k = 0; k < HOLDER_CLASSES.length; k++) if (HOLDER_CLASSES[k] === holder) return k;
  return -1;
}

/**
 * The rule packs the kernel implements (rulepacks.md §0), oldest first: every pack of the engine, read
 * through its traits (`../rules/rulePackTraits.ts`).
 */
export const KERNEL_RULE_PACKS: readonly RulePackName[] = RULE_PACKS;

/** A rule pack's name: which per-block emission rules a run follows. */
export type KernelRulePack = RulePackName;

/** Parameters fixed for a run (defaults: the production runtime, spec §11). */
export interface KernelParams {
  /** Emission rules (default `price-2026-06`, the current chain). */
  readonly rulePack?: KernelRulePack;
  /**
   * The dated variant of `rulePack` in force, named as in its traits' `variants` (e.g. `launch` for
   * `dtao-2025-02` before 2025-07-29); absent = the pack's last form. Read through `variantSettings`.
   */
  readonly ruleVariant?: string;
  /** Flow packs: FlowNormExponent p in [1, 2] (default 1) and TaoFlowCutoff in TAO per block (default 0). */
  readonly flowExponent?: number;
  readonly flowCutoff?: number;
  /** Flow packs: EMA smoothing per block (default FlowEmaSmoothingFactor / i64::MAX ≈ 3.209e-6). */
  readonly flowSmoothing?: number;
  /** Gate pack: bar quantile q (default 0.75, set live by root) and Hill exponent h (default 3). */
  readonly gateQuantile?: number;
  readonly gateExponent?: number;
  /** Subnet slots (the subnet limit, 128): the size of every column. */
  readonly slots: number;
  /**
   * `SubnetLimit` when it is below the slots (default `slots`; an integer in 1..slots): a registration
   * prunes once this many subnets are active. Lowering it dissolves nothing: the network counts as full,
   * so registrations replace the subnets they prune (see `registerSubnet`).
   */
  readonly subnetLimit?: number;
  /**
   * Whether a registration at the limit prunes a subnet (default true, the chain since 2025-10-02, PR
   * #2066). False: it is refused, as while dTAO ran without deregistration.
   */
  readonly pruneAtLimit?: boolean;
  /** Blocks per step (1, a tempo, or a day = 7200). */
  readonly blocksPerStep: number;
  /** Epoch period in blocks (360): pending emission is paid out once per tempo. */
  readonly tempo: number;
  /** TaoWeight as a proportion (0.18). */
  readonly taoWeight: number;
  /** Owner cut as a proportion (11796/65535). */
  readonly ownerCut: number;
  /** EMAPriceHalvingBlocks (201_600). */
  readonly emaHalvingBlocks: number;
  /** SubnetMovingAlpha (12885/2^32 ≈ 3e-6). */
  readonly movingAlpha: number;
  /** Swap fee rate (33/65535). */
  readonly feeRate: number;
  /** Network registration: minimum lock (TAO), reduction interval (blocks), rate limit (blocks). */
  readonly minLock: number;
  readonly lockReductionInterval: number;
  readonly networkRateLimit: number;
  /** Blocks a new subnet is immune from pruning (864_000). */
  readonly networkImmunityPeriod: number;
  /** Whether a newly registered subnet gets TAO-side emission (the chain: off until root enables it). */
  readonly newSubnetEmissionEnabled: boolean;
  /** Binding mechanisms (spec/mechanisms.md §1–5); each is off when absent, and all are off by default. */
  readonly mechanisms?: KernelMechanisms;
}

/** A mechanism's shared kernel knobs (names from MECHANISM_KNOBS, units as its `kernel` entries say). */
type KernelKnobs<S extends MechanismSection> = { readonly [K in KnobOf<S, 'kernel'>]: number };

/**
 * Parameters of the binding mechanisms the kernel implements (spec/mechanisms.md); absent = off. Knob
 * names and units: MECHANISM_KNOBS (periods and durations in blocks, shares as fractions); `period`
 * is the covenant and credit period (attestations and redemptions are judged once per period).
 */
export type KernelMechanisms = KernelKnobs<'common'> & {
  /** §1 revenue covenant: `share` of attested revenue due each period; default after `gracePeriods` misses. */
  readonly covenant?: KernelKnobs<'covenant'>;
  /**
   * §2 vesting: the owner cut vests over `vestDuration` after a `cliff` counted from max(registration,
   * `startBlock`).
   */
  readonly vesting?: KernelKnobs<'vesting'> & { readonly startBlock: number };
  /** §3 access credits: sale proceeds released to the lab over `releaseDuration`; unserved share tolerated. */
  readonly credits?: KernelKnobs<'credits'>;
  /** §4 usage-weighted emission: share = (1 − λ)·pack share + λ·usage share (usage EMA `halfLife`). */
  readonly usageEmission?: KernelKnobs<'usageEmission'>;
  /** §5 burn-and-mint compute: `mint` TAO per block to providers pro rata to work; fee share to treasury. */
  readonly computeMarket?: KernelKnobs<'computeMarket'>;
};

/** Per-slot columns. A slot with `active[i] = 0` holds no subnet. */
export interface KernelColumns {
  readonly active: Uint8Array;
  /**
   * Block of registration and of the start call (emission starts the block after; `Infinity` until the
   * owner starts the subnet).
   */
  readonly registeredAt: Float64Array;
  readonly startBlock: Float64Array;
  readonly emissionEnabled: Uint8Array;
  // Pool (Balancer; w_q = quote weight)
  readonly taoReserve: Float64Array;
  readonly alphaIn: Float64Array;
  readonly alphaOut: Float64Array;
  readonly wQuote: Float64Array;
  /** TAO in the subnet account outside the reserve (neuron-registration swap fees, spec §8.2). */
  readonly accountTao: Float64Array;
  /** EMA of the spot price clamped at 1 (SubnetMovingPrice). */
  readonly movingPrice: Float64Array;
  /** Share of last epoch's miner incentive withheld from owner hotkeys (feeds the share rule). */
  readonly minerBurned: Float64Array;
  // AlphaOut holders other than classes
  readonly protocolAlpha: Float64Array;
  readonly pendingServer: Float64Array;
  readonly pendingValidator: Float64Array;
  readonly pendingRoot: Float64Array;
  readonly pendingOwner: Float64Array;
  readonly unownedAlpha: Float64Array;
  readonly burnedAlpha: Float64Array;
  /** Alpha held per holder class: `holdings[c * slots + i]` for class index c (see HOLDER_CLASSES). */
  readonly holdings: Float64Array;
  readonly lastEpochBlock: Float64Array;
  // Cumulative flows per slot since the run began (TAO unless noted), for outcome metrics. A slot keeps
  // counting across the subnets that occupy it in turn: difference at `StepReport.registered`.
  /** TAO emission that entered the subnet (injected + chain buys). */
  readonly emittedTao: Float64Array;
  readonly injectedTao: Float64Array;
  readonly chainBuyTao: Float64Array;
  /** Gross TAO paid by stake intents, TAO received by unstake intents. */
  readonly userStakeTao: Float64Array;
  readonly userUnstakeTao: Float64Array;
  /**
   * TAO value of alpha destroyed by buybacks and neuron registrations (the TAO that bought it), by
   * `destroyAlpha` and detected owner mining (alpha × spot price of the moment).
   */
  readonly burnedValueTao: Float64Array;
  /** Alpha emitted (alpha out) per slot, cumulative. */
  readonly emittedAlpha: Float64Array;
  /** TAO received by unstake intents of the `root` class (root-claim sells: protocol, not user, flow). */
  readonly rootUnstakeTao: Float64Array;
  // Flow packs (taoflow, netflow): EMAs in TAO per block and the cumulative values they last consumed.
  /** EMA of net user TAO flow (SubnetEmaTaoFlow). */
  readonly flowEma: Float64Array;
  /** EMA of protocol cost: TAO injected + chain-bought − root-claim sells (SubnetEmaProtocolFlow). */
  readonly protocolEma: Float64Array;
  /** userStakeTao − userUnstakeTao + rootUnstakeTao when `flowEma` last advanced. */
  readonly flowMark: Float64Array;
  /** rootUnstakeTao when `protocolEma` last advanced. */
  readonly rootSellMark: Float64Array;
  // Binding mechanisms (spec/mechanisms.md), all zero while they are off.
  /** Covenant: opted in (1), bond escrowed (TAO), due and paid this period (TAO), consecutive missed periods. */
  readonly covenantOn: Float64Array;
  readonly bondTao: Float64Array;
  readonly covenantDue: Float64Array;
  readonly covenantPaid: Float64Array;
  readonly missedPeriods: Float64Array;
  /** 1 while the subnet is in default: its TAO emission share is zero until a period is met again. */
  readonly defaulted: Float64Array;
  /** Cumulative: bonds slashed (TAO), defaults entered. */
  readonly slashedTao: Float64Array;
  readonly defaults: Float64Array;
  /** Vesting: owner alpha in escrow (an AlphaOut holder), cumulative alpha vested and forfeited (burned). */
  readonly vestingAlpha: Float64Array;
  readonly vestedAlpha: Float64Array;
  readonly forfeitedAlpha: Float64Array;
  /** Credits: outstanding, TAO escrowed from the sale, redeemed and unserved this period (credits). */
  readonly creditsOutstanding: Float64Array;
  readonly creditEscrowTao: Float64Array;
  readonly creditsRedeemed: Float64Array;
  readonly creditsUnserved: Float64Array;
  /** Usage: EMA of paid usage (TAO per block), cumulative usage paid (TAO), and the part the EMA consumed. */
  readonly usageEma: Float64Array;
  readonly usagePaidTao: Float64Array;
  readonly usageMark: Float64Array;
  /** Compute: cumulative TAO burned by jobs and minted to providers; this step's work (TAO of jobs); treasury TAO. */
  readonly computeBurnTao: Float64Array;
  readonly computeMintTao: Float64Array;
  readonly computeWork: Float64Array;
  readonly treasuryTao: Float64Array;
  /** TAO taken out of supply by mechanisms (usage fees, compute burns, slashed bonds), cumulative. */
  readonly mechRecycledTao: Float64Array;
}

/** The whole state of one simulated future. */
export interface KernelState {
  block: number;
  /** TotalIssuance in TAO. */
  issuance: number;
  /** TAO staked on root. */
  rootStake: number;
  /** TAO recycled (issuance lowered) and burned (issuance kept) so far. */
  recycledTao: number;
  burnedTao: number;
  /**
   * TAO outside the modelled holdings: users' free balances, fees paid to block authors, unstake proceeds,
   * dissolution payouts. Conservation: `issuance + uncountedTao = Σ (taoReserve + accountTao) + rootStake +
   * burnedTao + external`.
   */
  external: number;
  /** Last network registration: TAO locked and block (0 = never). */
  lastLock: number;
  lastLockBlock: number;
  /**
   * TAO in pools that TotalIssuance never counted: the `dtao-2025-02` subsidy's chain buys (rulepacks.md
   * §2.4). The TAO identity reads `issuance + uncountedTao = Σ (taoReserve + accountTao) + …`.
   */
  uncountedTao: number;
  /** Gate pack: the stored EmissionGateBar θ (0 = never computed). */
  gateBar: number;
  readonly columns: KernelColumns;
  /** Neurons mode: per-neuron Yuma for the slots it details (absent: subnet-level model only). */
  neurons?: NeuronsMode;
}

/** What an agent asks the kernel to do in a step; applied in order, each may be partly or not filled. */
export type KernelIntent =
  /** Buy alpha with TAO through the pool (fee from the input); the alpha goes to `holder`. */
  | { readonly kind: 'stake'; readonly slot: number; readonly tao: number; readonly holder: HolderClass }
  /** Sell alpha held by `holder` for TAO through the pool. */
  | { readonly kind: 'unstake'; readonly slot: number; readonly alpha: number; readonly holder: HolderClass }
  /** The owner buys alpha with TAO and burns it (add_stake_burn). */
  | { readonly kind: 'buyback'; readonly slot: number; readonly tao: number }
  /** Alpha held by `holder` is burned (burn_alpha) or recycled (recycle_alpha). */
  | {
      readonly kind: 'destroyAlpha';
      readonly slot: number;
      readonly alpha: number;
      readonly holder: HolderClass;
      readonly mode: 'burn' | 'recycle';
    }
  /** Stake or unstake TAO on root. */
  | { readonly kind: 'rootStake'; readonly tao: number }
  | { readonly kind: 'rootUnstake'; readonly tao: number }
  /** Register a new subnet (pays the lock cost; prunes the lowest-EMA non-immune subnet when full). */
  | { readonly kind: 'register'; readonly startImmediately: boolean }
  /** The owner's `start_call`: emission starts the block after (no effect once started). */
  | { readonly kind: 'startCall'; readonly slot: number }
  /**
   * Neuron registrations (`burned_register`): `tao` (the burn prices paid, summed) buys alpha through the
   * pool with the fee; the alpha is destroyed (AlphaOut falls) and the fee stays in the subnet account.
   */
  | { readonly kind: 'burnRegister'; readonly slot: number; readonly tao: number }
  /** Root's emission switch for a subnet. */
  | { readonly kind: 'setEmissionEnabled'; readonly slot: number; readonly enabled: boolean }
  /**
   * Share of the subnet's miner incentive that goes to the owner's own miners this step. `burned` is the
   * part the chain detects (owner hotkeys: burned, raises MinerBurned); the rest is paid to the owner
   * class (self-mining through unrelated keys, undetected).
   */
  | {
      readonly kind: 'ownerMining';
      readonly slot: number;
      readonly detected: number;
      readonly undetected: number;
    }
  /** Covenant: the owner locks `tao` of bond (opting in); users' TAO moves to escrow. */
  | { readonly kind: 'covenantBond'; readonly slot: number; readonly tao: number }
  /** Covenant: validators attest `revenueTao` of revenue for the period (adds share × revenue to what is due). */
  | { readonly kind: 'covenantAttest'; readonly slot: number; readonly revenueTao: number }
  /** Covenant: the owner pays `tao`, which buys the subnet's alpha from the pool and burns it. */
  | { readonly kind: 'covenantPay'; readonly slot: number; readonly tao: number }
  /** Vesting: the team left; its unvested owner alpha is burned. */
  | { readonly kind: 'forfeitVesting'; readonly slot: number }
  /** Credits: buy `credits` credits for `tao` TAO (escrowed and released to the lab). */
  | { readonly kind: 'buyCredits'; readonly slot: number; readonly tao: number; readonly credits: number }
  /** Credits: holders present `credits` for service and the lab serves `served` of them (all are burned). */
  | {
      readonly kind: 'redeemCredits';
      readonly slot: number;
      readonly credits: number;
      readonly served: number;
    }
  /** Usage: users pay `tao` for verified service; it is burned and counts towards the usage share. */
  | { readonly kind: 'usagePayment'; readonly slot: number; readonly tao: number }
  /** Compute: a job worth `tao` TAO at market rate; the fee share goes to the treasury, the rest is burned. */
  | { readonly kind: 'computeJob'; readonly slot: number; readonly tao: number };

/** What a step did, for the simulator's ledgers (TAO unless noted; per slot where an array). */
export interface StepReport {
  /** TAO emitted to subnets this step (after the supply cap), in total; per slot see `columns.emittedTao`. */
  readonly emitted: number;
  /**
   * Each intent's result: amount actually filled (TAO for stake, buyback, burnRegister, register, rootStake
   * and rootUnstake; alpha for unstake and destroyAlpha; 1 or 0 for the switches).
   */
  readonly filled: ArrayLike<number>;
  /** TAO paid out by each unstake intent (0 for others). */
  readonly proceeds: ArrayLike<number>;
  /** Alpha received by each stake intent (0 for others). */
  readonly received: ArrayLike<number>;
  /** Slots registered (new subnets) and pruned this step. */
  readonly registered: readonly number[];
  readonly pruned: readonly number[];
  /** TAO paid by dissolutions this step to each holder class (HOLDER_CLASSES order; pro rata by alpha). */
  readonly dissolutionTao: readonly number[];
  /** Epochs run this step, summed over slots (a slot counts once per tempo boundary crossed). */
  readonly epochs: number;
}
