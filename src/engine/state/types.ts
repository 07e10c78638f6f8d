/**
 * Chain state: plain readonly data. A block step never mutates a state; it builds the next one,
 * sharing every part that did not change (see `draft.ts`).
 *
 * Accounting identities (checked after every block by `checkInvariants`):
 *
 *   TotalIssuance + uncounted TAO = Σ free balances + Σ_subnets (SubnetTAO + subnet account TAO + pending root TAO)
 *                                  + burned TAO
 *
 * where "subnet account TAO" is TAO the chain moved into a subnet's account outside the pool reserve
 * (registration swap fees, stranded chain buys) and "burned TAO" is TAO destroyed by `burn_tao`
 * (fees with no block author), which by the chain's rules does not lower TotalIssuance. Locked
 * network-registration TAO becomes the new pool's SubnetTAO. And for every subnet:
 *
 *   AlphaIn + AlphaOut = alpha issuance,
 *   AlphaOut = Σ_hotkeys TotalHotkeyAlpha + protocol alpha + pending (server + validator + root + owner)
 *              + root alpha owed to root stakers + burned alpha + unowned alpha
 *
 * where unowned alpha is alpha the chain minted into AlphaOut without crediting anyone (flooring dust,
 * dividends with no eligible receiver; spec §4.10 step 4), and burned alpha was destroyed by
 * `burn_subnet_alpha`, which keeps AlphaOut unchanged.
 *
 * With an add-on (see `ChainAddOn`), the TAO and alpha it holds count among the holdings (the binding
 * mechanisms: covenant bonds in escrow, a subnet's vesting escrow); its burns lower TotalIssuance and its
 * mints raise it.
 */
import type { U64F64, U96F32 } from '../fixed/index.ts';
import type { FlowEma } from '../rules/flowShares.ts';
import type { RulePackName, RuleSettings } from '../rules/rulePack.ts';
import type { Alpha, Coldkey, Hotkey, NetUid, Rao } from '../types.ts';

/** One staking share pool: the alpha staked on a hotkey on one subnet, owned by coldkeys in shares. */
export interface StakePool {
  /** `TotalHotkeyAlpha`: the pool's value in alpha (root: TAO). */
  readonly value: bigint;
  /** Total shares issued. */
  readonly totalShares: bigint;
  /** Shares per coldkey. */
  readonly shares: ReadonlyMap<Coldkey, bigint>;
}

/** One UID of a subnet. */
export interface Neuron {
  readonly hotkey: Hotkey;
  readonly blockAtRegistration: number;
  readonly lastUpdate: number;
  /** Permit stored by the last epoch (used by the next one). */
  readonly validatorPermit: boolean;
  /** Last epoch's combined emission in alpha (server + validator), used for pruning. */
  readonly emission: bigint;
  /** Last epoch's outputs as stored u16 proportions. */
  readonly incentive: number;
  readonly dividends: number;
  readonly consensus: number;
  readonly validatorTrust: number;
  readonly active: boolean;
  /** Endpoint served by `serve_axon` (the chain's `Axons` entry); null until the hotkey serves one. */
  readonly axon: AxonInfo | null;
}

/** A neuron's served endpoint, with the chain's `AxonInfo` names (its two placeholder bytes are left out). */
export interface AxonInfo {
  /** Block of the last `serve_axon` (the serving rate limit counts from it). */
  readonly block: number;
  readonly version: number;
  /** The address as the chain stores it: an IPv4 address in the low 32 bits, or the 128-bit IPv6 address. */
  readonly ip: bigint;
  readonly port: number;
  readonly ipType: 4 | 6;
  /** 0 = TCP, 1 = UDP (any u8 is stored). */
  readonly protocol: number;
}

/** A weights commit waiting for its reveal (the chain's `WeightCommits` entry). */
export interface WeightCommit {
  /** `0x` + 64 lowercase hex digits: blake2b-256 of the revealed data (see `weightsCommitHash`). */
  readonly hash: string;
  /** The subnet's epoch index the commit belongs to; revealable at `epoch + commitRevealPeriod`. */
  readonly epoch: number;
  /** Block of the commit. */
  readonly block: number;
}

/** A sparse row: `[uid, u16 value]` pairs in ascending uid order. */
export type SparseRow = ReadonlyArray<readonly [number, number]>;

/** Epoch hyperparameters of a subnet (spec §7, §11). */
export interface EpochParams {
  readonly kappa: number;
  readonly bondsMovingAverage: number;
  readonly bondsPenalty: number;
  readonly yuma3: boolean;
  readonly liquidAlpha: boolean;
  readonly alphaLow: number;
  readonly alphaHigh: number;
  readonly alphaSigmoidSteepness: number;
  readonly maxAllowedValidators: number;
  readonly activityCutoffFactorMilli: number;
  readonly stakeThreshold: bigint;
}

/** Everything the chain stores about one subnet. */
export interface SubnetState {
  readonly netuid: NetUid;
  /** 0 = stable (price 1, swaps 1:1), 1 = dynamic (Balancer pool). */
  readonly mechanism: 0 | 1;
  readonly ownerColdkey: Coldkey;
  readonly ownerHotkey: Hotkey;
  readonly registeredAt: number;
  /** TAO locked by the registration (`SubnetLocked`). */
  readonly lockedTao: Rao;

  // Pool (spec §5)
  /** `SubnetTAO`: TAO reserve (root: total root stake). */
  readonly taoReserve: Rao;
  /** `SubnetAlphaIn`: alpha reserve. */
  readonly alphaIn: Alpha;
  /** `SubnetAlphaOut`: alpha held outside the pool. */
  readonly alphaOut: Alpha;
  /** Balancer quote weight in Perquintill parts (1e18 = 1). */
  readonly wQuote: bigint;
  /** `PalSwapInitialized`: false until the first real swap. */
  readonly swapInitialized: boolean;
  /** Swap fee rate in u16 parts of 65535. */
  readonly feeRate: number;
  /** TAO in the subnet account outside the reserve (registration fees, stranded chain buys). */
  readonly accountTao: Rao;

  // Holders of AlphaOut other than stakers
  readonly protocolAlpha: Alpha;
  readonly pendingServer: Alpha;
  readonly pendingValidator: Alpha;
  readonly pendingRoot: Alpha;
  readonly pendingOwnerCut: Alpha;
  /** Root dividends owed to root stakers of this subnet, not yet claimed. */
  readonly rootAlphaOwed: Alpha;
  readonly burnedAlpha: Alpha;
  readonly unownedAlpha: Alpha;

  // Emission (spec §4)
  /** `SubnetMovingPrice` raw I96F32 bits (the EMA price, never above 1). */
  readonly movingPrice: bigint;
  /** Block after `start_call`; null until the owner calls it. */
  readonly firstEmissionBlock: number | null;
  readonly subtokenEnabled: boolean;
  readonly emissionEnabled: boolean;
  readonly registrationAllowed: boolean;
  readonly ownerCutEnabled: boolean;
  /** `MinerBurned`: share of the last epoch's miner incentive withheld from owner hotkeys. */
  readonly minerBurned: U96F32;
  /** Per-block alpha emission of the last coinbase (informational). */
  readonly lastAlphaOutEmission: Alpha;
  readonly lastTaoInEmission: Rao;
  readonly lastExcessTao: Rao;

  // Flow packs (rulepacks.md §3.2, §4.2) and dtao root sells (§2.2)
  /** `SubnetTaoFlow`: user TAO in minus out since the last EMA update (i64 rao). */
  readonly taoFlow: Rao;
  /** `SubnetEmaTaoFlow`; null until first computed. */
  readonly emaTaoFlow: FlowEma | null;
  /** `SubnetProtocolFlow`: protocol TAO in (injection, chain buys) minus root-claim sells (i64 rao). */
  readonly protocolFlow: Rao;
  /** `SubnetEmaProtocolFlow`; null until first computed. */
  readonly emaProtocolFlow: FlowEma | null;
  /** `PendingRootDivs` (dtao): TAO from this block's root-alpha sells, paid to root stakers at the epoch. */
  readonly pendingRootTao: Rao;

  // Epoch scheduling (spec §4.9)
  readonly tempo: number;
  readonly lastEpochBlock: number;
  readonly blocksSinceLastStep: number;
  readonly pendingEpochAt: number;
  readonly epochIndex: number;
  readonly lastMechanismStepBlock: number;

  // Registration (spec §8)
  readonly burn: Rao;
  readonly burnHalfLife: number;
  /** Burn increase multiplier, U64F64 raw bits. */
  readonly burnIncreaseMult: U64F64;
  readonly minBurn: Rao;
  readonly maxBurn: Rao;
  readonly registrationsThisBlock: number;
  readonly maxAllowedUids: number;
  readonly immunityPeriod: number;
  readonly minAllowedWeights: number;
  readonly weightsSetRateLimit: number;

  // Weights commit-reveal and serving (hash commits; the chain's drand timelock is not modelled)
  /** `CommitRevealWeightsEnabled`: weights go through commit_weights / reveal_weights, set_weights is refused. */
  readonly commitRevealEnabled: boolean;
  /** `RevealPeriodEpochs`: a commit is revealable in the epoch this many epochs after its own. */
  readonly commitRevealPeriod: number;
  /** Unrevealed commits per hotkey, oldest first. */
  readonly weightCommits: ReadonlyMap<Hotkey, ReadonlyArray<WeightCommit>>;
  /** `ServingRateLimit`: blocks between two `serve_axon` of one hotkey (0 = none). */
  readonly servingRateLimit: number;

  readonly epoch: EpochParams;
  readonly neurons: ReadonlyArray<Neuron>;
  /** Weights per validator UID (row), as stored by `set_weights`. */
  readonly weights: ReadonlyArray<SparseRow>;
  /** Bonds per validator UID (row), u16. */
  readonly bonds: ReadonlyArray<SparseRow>;
  /** Stake pools per hotkey on this subnet (root: TAO). */
  readonly stakes: ReadonlyMap<Hotkey, StakePool>;
  /** Root dividends owed to the root stakers of each hotkey, in this subnet's alpha, until claimed. */
  readonly rootClaimable: ReadonlyMap<Hotkey, bigint>;
  /** Childkeys in force: parent hotkey -> its children with proportions (u64 parts of u64::MAX). */
  readonly children: ReadonlyMap<Hotkey, ReadonlyArray<ChildLink>>;
  /** Childkey changes waiting for their cooldown, applied at the subnet's first epoch at or after `applyAt`. */
  readonly pendingChildren: ReadonlyMap<Hotkey, PendingChildren>;
}

/** A parent's link to one child: `proportion / u64::MAX` of the parent's stake is inherited by the child. */
export interface ChildLink {
  readonly proportion: bigint;
  readonly child: Hotkey;
}

/** A scheduled childkey change. */
export interface PendingChildren {
  readonly children: ReadonlyArray<ChildLink>;
  readonly applyAt: number;
}

/** Chain-wide parameters fixed at genesis (defaults are the production runtime's, spec §11). */
export interface ChainParams {
  readonly defaultTempo: number;
  readonly maxEpochsPerBlock: number;
  readonly subnetOwnerCut: number;
  readonly defaultTake: number;
  /** Largest delegate take in u16 parts (18%). */
  readonly maxTake: number;
  /** Blocks between two take increases of one hotkey. */
  readonly takeIncreaseRateLimit: number;
  /** Blocks before a childkey change takes effect. */
  readonly childkeyCooldown: number;
  /** How many root-stake hotkeys count as root validators (they become parents of new subnet owners). */
  readonly rootValidators: number;
  readonly minStake: Rao;
  readonly nominatorMinStake: Rao;
  readonly networkMinLock: Rao;
  readonly networkLockReductionInterval: number;
  readonly networkRateLimit: number;
  readonly networkImmunityPeriod: number;
  readonly subnetLimit: number;
  readonly startCallDelay: number;
  readonly emaPriceHalvingBlocks: number;
  /** `SubnetMovingAlpha` raw I96F32 bits. */
  readonly movingAlpha: bigint;
  readonly minimumReserve: bigint;
  readonly immuneOwnerUidsLimit: number;
  readonly minNonImmuneUids: number;
  /** Whether new subnets start with TAO-side emission enabled (the chain: false until root enables it). */
  readonly newSubnetEmissionEnabled: boolean;
  /**
   * Whether new subnets start with weights commit-reveal on. The chain's default is on; the engine's is off so
   * that `set_weights` works as it always has here (a subnet turns it on with `sudo_set_hyperparameter`).
   */
  readonly newSubnetCommitRevealEnabled: boolean;
}

/** The whole chain. */
export interface ChainState {
  readonly block: number;
  readonly params: ChainParams;
  /** Rule pack that the coinbase follows. */
  readonly rulePack: RulePackName;
  /** Dated variants and root-settable parameters of the packs. */
  readonly rules: RuleSettings;
  /** `EmissionGateBar` (gate pack) as U64F64 raw bits; 0 = never computed. */
  readonly gateBar: U64F64;
  /**
   * TAO the chain put into pools without adding it to TotalIssuance (the dtao subsidy rule's chain buys,
   * rulepacks.md §2.4), so that TotalIssuance + uncountedTao equals every holding.
   */
  readonly uncountedTao: Rao;
  /** `TotalIssuance` in rao. */
  readonly totalIssuance: Rao;
  /** `TotalStake` in rao (informational, as the chain keeps it). */
  readonly totalStake: Rao;
  /** TAO destroyed by `burn_tao`, still counted in TotalIssuance. */
  readonly burnedTao: Rao;
  /** `TaoWeight` as a u64 proportion of u64::MAX. */
  readonly taoWeight: bigint;
  /** The account allowed to call sudo extrinsics. */
  readonly sudo: Coldkey;
  /** Block author that receives swap fees; fees are burned when null. */
  readonly author: Coldkey | null;
  readonly balances: ReadonlyMap<Coldkey, Rao>;
  readonly hotkeyOwner: ReadonlyMap<Hotkey, Coldkey>;
  /** Delegate take per hotkey in u16 parts (default `params.defaultTake`). */
  readonly takes: ReadonlyMap<Hotkey, number>;
  /** Block of each hotkey's last take increase (rate limit). */
  readonly takeIncreasedAt: ReadonlyMap<Hotkey, number>;
  readonly subnets: ReadonlyMap<NetUid, SubnetState>;
  /** Last network registration: TAO locked and its block (0 = never). */
  readonly lastLock: Rao;
  readonly lastLockBlock: number;
  /** Data of the chain's add-on (e.g. the binding mechanisms); absent when the genesis has none. */
  readonly addOn?: AddOnState;
}

/** An add-on's data in the state: opaque to the core, typed and checked by the add-on `name`. */
export interface AddOnState {
  readonly name: string;
  readonly data: unknown;
}
