/**
 * What each rule pack does, as data (spec rulepacks.md §0, §1 skeleton and §7): one row of traits per
 * pack, declared once here and read by the exact coinbase, registration, the float64 kernel and the lab.
 * Nothing outside `src/engine/rules/` tests a pack's name: code reads the traits, and where a trait
 * selects a function it does so through an exhaustive `Record` (or `switch`) over the trait's values, so
 * a new pack is one row below (plus its share function when its share rule is new) and the type
 * checker lists every place that must handle a new trait value.
 *
 * Pure data with no fixed-point imports, so the kernel reads it without the exact engine.
 */

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
}

/**
 * Every rule pack, oldest first, with its traits. Commits: e2b8367b / ae2b3736 (dtao), 6218ecc5 /
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
