/**
 * Rule packs: the named sets of per-block emission rules (spec rulepacks.md §0 and §7; commits
 * e2b8367b / ae2b3736 for dtao, 6218ecc5 / 8834a7c7 for taoflow, 486037ba for netflow, 14bc6f9f for
 * price, RaoFoundation 7e20eb76 for gate). A state names its pack; the coinbase dispatches on it.
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

/** Name of a rule pack. */
export type RulePackName =
  | 'dtao-2025-02'
  | 'taoflow-2025-11'
  | 'netflow-2026-05'
  | 'price-2026-06'
  | 'gate-2026-07';

/** Every rule pack, oldest first. */
export const RULE_PACKS: readonly RulePackName[] = Object.freeze([
  'dtao-2025-02',
  'taoflow-2025-11',
  'netflow-2026-05',
  'price-2026-06',
  'gate-2026-07',
]);

/** The pack the engine follows unless told otherwise (the current runtime). */
export const DEFAULT_RULE_PACK: RulePackName = 'price-2026-06';

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

/**
 * Settings for a dated variant inside a pack, as the rule-pack vectors name them: `launch` / `subsidy`
 * (dtao), `2025-11-04` (seeded EMA, cap A_i), `2025-11-10` (seeded EMA, cap A_i), `2025-12-12`
 * (unseeded, cap min(A_i, E)) for taoflow. Throws on a variant the pack does not have.
 */
export function variantSettings(pack: RulePackName, variant: string | undefined): Partial<RuleSettings> {
  if (variant === undefined) return {};
  if (pack === 'dtao-2025-02' && (variant === 'launch' || variant === 'subsidy'))
    return { dtaoTerms: variant };
  if (pack === 'taoflow-2025-11') {
    if (variant === '2025-11-04' || variant === '2025-11-10')
      return { flowCap: 'alpha-emission', flowSeedFromPrice: true, keepBoughtAlpha: false };
    if (variant === '2025-12-12') return { flowCap: 'min-block-emission', keepBoughtAlpha: false };
  }
  if (pack === 'netflow-2026-05') {
    if (variant === '2026-05-27') return { keepBoughtAlpha: false };
    if (variant === '2026-06-01') return { keepBoughtAlpha: true };
  }
  throw new TensormarketError(
    'UNKNOWN_RULE_VARIANT',
    `variant: ${pack} has no variant ${JSON.stringify(variant)}`,
    {
      details: { pack, variant },
    },
  );
}

/** I64F64 of a whole number of rao (flow accumulators are i64 rao). */
export const raoToI64F64 = (rao: bigint): I64F64T => fromInt(I64F64, rao);
