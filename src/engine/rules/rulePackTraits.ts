/**
 * What each rule pack does, as data (spec rulepacks.md §0, §1 skeleton and §7): one row of traits per
 * pack, declared once here and read by the exact coinbase, registration, the float64 kernel and the lab.
 * Nothing outside `src/engine/rules/` tests a pack's name: code reads the traits, and where a trait
 * selects a function it does so through an exhaustive `Record` (or `switch`) over the trait's values, so
 * a new pack is one row below (plus its share function when its share rule is new) and the type
 * checker lists every place that must handle a new trait value.
 *
 * Pure data with no fixed-point values, so the kernel reads it without the exact engine.
 */
import type { RuleSettings } from './rulePack.ts';

/** SHARES: how the block's TAO is split between the emitting subnets. */
export type ShareRule =
  /** dtao: m_i / Σm of the EMA prices, in I96F32 (rulepacks.md §2.4). */
  | 'dtao'
  /** taoflow: EMA of net user TAO flow, offset by L, then z^p / Σz^p (§3.5). */
  | 'flow'
  /** netflow: user flow EMA less k·protocol flow EMA, then as taoflow, renormalised on enabled (§4.3). */
  | 'net-flow'
  /** price: m_i·(1 − MinerBurned_i), renormalised on enabled (protocol.md §4.2). */
  | 'price'
  /** gate: the price shares through the Hill gate with a stored bar, renormalised (§6.3). */
  | 'gate';

/** TERMS: how a subnet's TAO becomes tao_in / alpha_in / excess, and so the injection cap. */
export type TermsRule =
  /** dtao: the `dtaoTerms` setting's launch or subsidy rule; no TAO or alpha when registration is closed (§2.4). */
  | 'dtao'
  /** taoflow / netflow: alpha_in ≤ A_i or min(A_i, E) by the `flowCap` setting, the rest chain-bought (§3.5). */
  | 'flow'
  /** price / gate: alpha_in ≤ rp_i·A_i, the rest chain-bought (protocol.md §4.5). */
  | 'root-proportion';

/** ELIGIBLE: which subnets take part in the coinbase. */
export type EligibleRule =
  /** Non-root subnets whose owner called start_call (dtao, §2.4). */
  | 'started'
  /** `get_subnets_to_emit_to`: started, trading and registration allowed (protocol.md §4.1). */
  | 'emit-to';

/** INJECT: the pool the protocol's TAO and alpha enter. */
export type InjectionRule =
  /** The protocol position behaves as x·y=k: reserves are added as they are. */
  | 'constant-product'
  /** The Balancer pool: injection at the current weights, which may refuse (spec §4.7). */
  | 'balancer';

/** Where chain-bought alpha goes. */
export type BoughtAlphaRule =
  /** Kept as protocol-owned alpha. */
  | 'keep'
  /** Taken off AlphaOut again (recycled). */
  | 'recycle'
  /** As the `keepBoughtAlpha` setting says (netflow: recycled until 2026-06-01, kept from then). */
  | 'setting';

/** ROOT: what happens to the root share of each subnet's alpha. */
export type RootAlphaRule =
  /** Sold in the pool every block and paid to root stakers as TAO at the epoch (dtao, §2.4–2.5). */
  | 'sell-for-root-tao'
  /** Pending for root claims while Σ m > 1 (`root_sell_flag`), recycled otherwise (§3.5). */
  | 'claim-or-recycle';

/** Flow EMAs the pack keeps (its accumulators are drained into them each block). */
export type FlowEmaRule =
  /** None: the flow accumulators build up unread and the EMAs stay frozen. */
  | 'none'
  /** The user flow EMA (taoflow, §3.4). */
  | 'user'
  /** The user flow EMA and the protocol flow EMA, fed by injections and chain buys (netflow, §4.2). */
  | 'user-and-protocol';

/** A dated variant inside a pack: the settings in force from its first day on main. */
export interface PackVariant {
  /** The name the rule-pack vectors and configs use. */
  readonly variant: string;
  /** First day on main (`YYYY-MM-DD`): a replay switches to this row on that date. */
  readonly from: string;
  readonly settings: Partial<RuleSettings>;
}

/** The traits of one rule pack. */
export interface RulePackTraits {
  readonly eligible: EligibleRule;
  readonly shares: ShareRule;
  readonly terms: TermsRule;
  readonly injection: InjectionRule;
  readonly boughtAlpha: BoughtAlphaRule;
  /** Whether TAO spent on chain buys is added to TotalIssuance (dtao's subsidy buys are not, §2.4). */
  readonly chainBuysInIssuance: boolean;
  readonly rootAlpha: RootAlphaRule;
  readonly flowEma: FlowEmaRule;
  /** Whether a registration burn counts as user TAO inflow (netflow on, §4.1). */
  readonly burnsAreUserFlow: boolean;
  /** Its dated variants, oldest first (none: the pack ran in one form, the settings' defaults). */
  readonly variants: readonly PackVariant[];
}

/** The taoflow settings before 2025-11-24: EMA seeded from prices, cap A_i, bought alpha recycled. */
const TAOFLOW_SEEDED = {
  flowCap: 'alpha-emission',
  flowSeedFromPrice: true,
  keepBoughtAlpha: false,
} as const;

/**
 * Every rule pack, oldest first, with its traits and dated variants (rulepacks.md §2.1, §3.1, §4.1:
 * dtao `launch` 2025-02-13 and `subsidy` 2025-07-29, c329448d; taoflow `2025-11-04` and `2025-11-10`
 * seeded with cap A_i, `2025-12-12` unseeded with cap min(A_i, E), 8834a7c7; netflow `2026-05-27`
 * bought alpha recycled, `2026-06-01` kept, ec2212c5). Commits: e2b8367b / ae2b3736 (dtao), 6218ecc5 /
 * 8834a7c7 (taoflow), 486037ba (netflow), 14bc6f9f (price), RaoFoundation 7e20eb76 (gate).
 */
const TRAITS = {
  'dtao-2025-02': {
    eligible: 'started',
    shares: 'dtao',
    terms: 'dtao',
    injection: 'constant-product',
    boughtAlpha: 'recycle',
    chainBuysInIssuance: false,
    rootAlpha: 'sell-for-root-tao',
    flowEma: 'none',
    burnsAreUserFlow: false,
    variants: [
      { variant: 'launch', from: '2025-02-13', settings: { dtaoTerms: 'launch' } },
      { variant: 'subsidy', from: '2025-07-29', settings: { dtaoTerms: 'subsidy' } },
    ],
  },
  'taoflow-2025-11': {
    eligible: 'emit-to',
    shares: 'flow',
    terms: 'flow',
    injection: 'constant-product',
    boughtAlpha: 'recycle',
    chainBuysInIssuance: true,
    rootAlpha: 'claim-or-recycle',
    flowEma: 'user',
    burnsAreUserFlow: false,
    variants: [
      { variant: '2025-11-04', from: '2025-11-04', settings: TAOFLOW_SEEDED },
      { variant: '2025-11-10', from: '2025-11-10', settings: TAOFLOW_SEEDED },
      {
        variant: '2025-12-12',
        from: '2025-12-12',
        settings: { flowCap: 'min-block-emission', keepBoughtAlpha: false },
      },
    ],
  },
  'netflow-2026-05': {
    eligible: 'emit-to',
    shares: 'net-flow',
    terms: 'flow',
    injection: 'constant-product',
    boughtAlpha: 'setting',
    chainBuysInIssuance: true,
    rootAlpha: 'claim-or-recycle',
    flowEma: 'user-and-protocol',
    burnsAreUserFlow: true,
    variants: [
      { variant: '2026-05-27', from: '2026-05-27', settings: { keepBoughtAlpha: false } },
      { variant: '2026-06-01', from: '2026-06-01', settings: { keepBoughtAlpha: true } },
    ],
  },
  'price-2026-06': {
    eligible: 'emit-to',
    shares: 'price',
    terms: 'root-proportion',
    injection: 'balancer',
    boughtAlpha: 'keep',
    chainBuysInIssuance: true,
    rootAlpha: 'claim-or-recycle',
    flowEma: 'none',
    burnsAreUserFlow: false,
    variants: [],
  },
  'gate-2026-07': {
    eligible: 'emit-to',
    shares: 'gate',
    terms: 'root-proportion',
    injection: 'balancer',
    boughtAlpha: 'keep',
    chainBuysInIssuance: true,
    rootAlpha: 'claim-or-recycle',
    flowEma: 'none',
    burnsAreUserFlow: false,
    variants: [],
  },
} as const satisfies Record<string, RulePackTraits>;

/** Name of a rule pack: a key of the traits table. */
export type RulePackName = keyof typeof TRAITS;

/** The traits of every pack. */
export const RULE_PACK_TRAITS: Readonly<Record<RulePackName, RulePackTraits>> = Object.freeze(TRAITS);

/** Every rule pack, oldest first (the table's order). */
export const RULE_PACKS: readonly RulePackName[] = Object.freeze(Object.keys(TRAITS) as RulePackName[]);

/** The pack the engine follows unless told otherwise (the current runtime). */
export const DEFAULT_RULE_PACK: RulePackName = 'price-2026-06';

/** The traits of `pack`. */
export function rulePackTraits(pack: RulePackName): RulePackTraits {
  return RULE_PACK_TRAITS[pack];
}

/** Whether chain-bought alpha is kept as protocol alpha, given the `keepBoughtAlpha` setting in force. */
export function keepsBoughtAlpha(rule: BoughtAlphaRule, setting: boolean): boolean {
  switch (rule) {
    case 'keep':
      return true;
    case 'recycle':
      return false;
    case 'setting':
      return setting;
  }
}

/** Whether `pack` keeps a flow EMA (a switch into such a pack from one without seeds it, §3.6 and §7). */
export function tracksFlowEma(pack: RulePackName): boolean {
  return RULE_PACK_TRAITS[pack].flowEma !== 'none';
}
