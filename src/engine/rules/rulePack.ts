/**
 * Rule packs: the named sets of per-block emission rules (spec rulepacks.md §0 and §7; commits
 * e2b8367b / ae2b3736 for dtao, 6218ecc5 / 8834a7c7 for taoflow, 486037ba for netflow, 14bc6f9f for
 * price, RaoFoundation 7e20eb76 for gate). A state names its pack; what the pack does is its row of
 * traits (`rulePackTraits.ts`), its dated variants included.
 */
import { TensormarketError } from '../errors.ts';
import {
  fromF64,
  fromInt,
  I64F64,
  type I64F64 as I64F64T,
  U64F64,
  type U64F64 as U64F64T,
} from '../fixed/index.ts';

import { type PackVariant, RULE_PACK_TRAITS, RULE_PACKS, type RulePackName } from './rulePackTraits.ts';

export {
  DEFAULT_RULE_PACK,
  RULE_PACK_TRAITS,
  RULE_PACKS,
  type RulePackName,
  type RulePackTraits,
  rulePackTraits,
} from './rulePackTraits.ts';

/** A rule pack name that is not one of {@link RULE_PACKS}. */
export class UnknownRulePackError extends TensormarketError {
  readonly field: string;

  constructor(field: string, value: unknown) {
    super(
      'UNKNOWN_RULE_PACK',
      `${field}: unknown rule pack ${JSON.stringify(value)}; valid: ${RULE_PACKS.join(', ')}`,
      {
        details: { field, value, valid: [...RULE_PACKS] },
      },
    );
    this.field = field;
  }
}

/** Check a rule pack name read from input; throws {@link UnknownRulePackError} naming `field`. */
export function parseRulePack(value: unknown, field = 'rulePack'): RulePackName {
  if (typeof value === 'string' && (RULE_PACKS as readonly string[]).includes(value))
    return value as RulePackName;
  throw new UnknownRulePackError(field, value);
}

/**
 * Settings of the packs that changed within a pack's lifetime or are root-settable. Every field has the
 * runtime default; only the pack named by the state reads its fields.
 */
export interface RuleSettings {
  /** dtao terms: `launch` (2025-02-13, all TAO injected) or `subsidy` (2025-07-29, §2.4). */
  readonly dtaoTerms: 'launch' | 'subsidy';
  /** taoflow/netflow injection cap: A_i (2025-11-06) or min(A_i, E) (2025-12-12, §3.5). */
  readonly flowCap: 'alpha-emission' | 'min-block-emission';
  /** A subnet without a flow EMA is seeded with 1e9·min(m, p) (2025-11-04 → 11-24, §3.6). */
  readonly flowSeedFromPrice: boolean;
  /** `FlowEmaSmoothingFactor` (u64; divided by i64::MAX). */
  readonly flowSmoothing: bigint;
  /** `TaoFlowCutoff` (I64F64 rao). */
  readonly flowCutoff: I64F64T;
  /** `FlowNormExponent` p (U64F64, 1..2). */
  readonly flowExponent: U64F64T;
  /** `NetTaoFlowEnabled` (netflow, §4.3). */
  readonly netTaoFlowEnabled: boolean;
  /** Chain-bought alpha: kept as protocol alpha (netflow from 2026-06-01) or recycled. */
  readonly keepBoughtAlpha: boolean;
  /** `EmissionBarQuantile` q (U64F64, §6.2; runtime default 0.61, live 0.75). */
  readonly gateQuantile: U64F64T;
  /** `EmissionGateExponent` h (U64F64, default 3). */
  readonly gateExponent: U64F64T;
}

/** `FlowEmaSmoothingFactor` default: a half-life of 216_000 blocks. */
export const DEFAULT_FLOW_SMOOTHING = 29_597_889_189_277n;

/** Runtime defaults of every pack setting (the last form of each pack). */
export const DEFAULT_RULE_SETTINGS: RuleSettings = Object.freeze({
  dtaoTerms: 'subsidy',
  flowCap: 'min-block-emission',
  flowSeedFromPrice: false,
  flowSmoothing: DEFAULT_FLOW_SMOOTHING,
  flowCutoff: 0n as I64F64T,
  flowExponent: fromInt(U64F64, 1),
  netTaoFlowEnabled: true,
  keepBoughtAlpha: true,
  gateQuantile: fromF64(U64F64, 0.61),
  gateExponent: fromInt(U64F64, 3),
});

/** A dated variant of a pack, with its pack named (a row of the traits table's `variants`). */
export interface RuleVariant extends PackVariant {
  readonly pack: RulePackName;
}

/** Every dated variant, per pack oldest first: the traits table's `variants`, flattened. */
export const RULE_VARIANTS: readonly RuleVariant[] = Object.freeze(
  RULE_PACKS.flatMap((pack) => RULE_PACK_TRAITS[pack].variants.map((v) => ({ pack, ...v }))),
);

/**
 * Settings for a dated variant inside a pack, as the rule-pack vectors name them (a row of
 * {@link RULE_VARIANTS}); none for no variant. Throws on a variant the pack does not have.
 * @example variantSettings('dtao-2025-02', 'launch') // { dtaoTerms: 'launch' }
 */
export function variantSettings(pack: RulePackName, variant: string | undefined): Partial<RuleSettings> {
  if (variant === undefined) return {};
  const row = RULE_VARIANTS.find((v) => v.pack === pack && v.variant === variant);
  if (row !== undefined) return { ...row.settings };
  throw new TensormarketError(
    'UNKNOWN_RULE_VARIANT',
    `variant: ${pack} has no variant ${JSON.stringify(variant)}`,
    {
      details: { pack, variant },
    },
  );
}

/**
 * The variant of `pack` in force on `date` (`YYYY-MM-DD`): the latest row whose `from` is not after it;
 * undefined before the first row or for a pack without variants (its settings are the defaults).
 * @example ruleVariantOn('dtao-2025-02', '2025-08-01')?.variant // 'subsidy'
 */
export function ruleVariantOn(pack: RulePackName, date: string): RuleVariant | undefined {
  let found: RuleVariant | undefined;
  for (const v of RULE_VARIANTS) if (v.pack === pack && v.from <= date) found = v;
  return found;
}

/** I64F64 of a whole number of rao (flow accumulators are i64 rao). */
export const raoToI64F64 = (rao: bigint): I64F64T => fromInt(I64F64, rao);
