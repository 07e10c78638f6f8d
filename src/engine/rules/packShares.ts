/**
 * SHARES step per rule pack (spec rulepacks.md §1 skeleton and §7): the flow-EMA bookkeeping and the
 * share rule the pack's traits name, each share rule with its exact function. dtao: §2.4 (e2b8367b); taoflow: §3.5 (6218ecc5, 8834a7c7);
 * netflow: §4.3 (486037ba); price: protocol.md §4.2 (14bc6f9f); gate: §6.3 (RaoFoundation 7e20eb76).
 * Pure: takes the subnets' stored values and returns the new EMAs, the bar and the TAO per subnet.
 */
import { emissionShares, subnetTaoEmissions } from '../coinbase/shares.ts';
import {
  convert,
  fromInt,
  type I64F64,
  mul,
  type U64F64,
  U64F64 as U64F64F,
  U96F32,
} from '../fixed/index.ts';
import { type FlowEma, flowAlpha, flowEmaStep, flowSeed, flowShares } from './flowShares.ts';
import { gateShares, renormaliseEnabled } from './gate.ts';
import { netFlows } from './netFlow.ts';
import type { RuleSettings } from './rulePack.ts';
import { type FlowEmaRule, RULE_PACK_TRAITS, type RulePackName, type ShareRule } from './rulePackTraits.ts';
import { dtaoTaoEmissions } from './terms.ts';

/** One emitting subnet as the share rules see it. */
export interface PackShareSubnet {
  /** `get_moving_alpha_price` (U64F64). */
  readonly movingPrice: U64F64;
  readonly spotPrice: U64F64;
  readonly minerBurned: U96F32;
  readonly emissionEnabled: boolean;
  readonly taoFlow: bigint;
  readonly emaTaoFlow: FlowEma | null;
  readonly protocolFlow: bigint;
  readonly emaProtocolFlow: FlowEma | null;
}

/** Result of the SHARES step. */
export interface PackShareResult {
  /** T_i (U96F32 rao), aligned with the input. */
  readonly taoEmission: U96F32[];
  /** New flow EMAs and whether each accumulator was consumed (flow packs; otherwise unchanged). */
  readonly emaTaoFlow: (FlowEma | null)[];
  readonly taoFlowConsumed: boolean[];
  readonly emaProtocolFlow: (FlowEma | null)[];
  readonly protocolFlowConsumed: boolean[];
  /** The stored gate bar after this block (gate pack; otherwise as given). */
  readonly gateBar: U64F64;
}

/** `get_subnet_block_emissions` product: E·s in U64F64, stored as U96F32 (floored). */
function emissionsFromShares(blockEmission: bigint, shares: readonly U64F64[]): U96F32[] {
  const e = fromInt(U64F64F, blockEmission);
  return shares.map((s) => convert(U64F64F, U96F32, mul(U64F64F, e, s)));
}

/** What a share rule reads: the step's input and this block's flow EMAs. */
interface ShareRuleInput {
  readonly block: number;
  readonly blockEmission: bigint;
  readonly subnets: readonly PackShareSubnet[];
  readonly settings: RuleSettings;
  readonly gateBar: U64F64;
  /** Each subnet's emission switch. */
  readonly enabled: readonly boolean[];
  /** User and protocol flow EMAs after this block's bookkeeping (0 where a subnet has none). */
  readonly userFlow: readonly I64F64[];
  readonly protocolFlow: readonly I64F64[];
}

/** T_i per subnet, and the gate bar when the rule keeps one. */
interface ShareRuleResult {
  readonly taoEmission: U96F32[];
  readonly gateBar?: U64F64;
}

/** The exact share function of each share rule (a new rule is a type error here until it has one). */
const SHARE_RULES: Readonly<Record<ShareRule, (input: ShareRuleInput) => ShareRuleResult>> = {
  dtao: (input) => ({
    taoEmission: dtaoTaoEmissions(
      input.blockEmission,
      input.subnets.map((s) => s.movingPrice),
    ),
  }),
  price: (input) => ({
    taoEmission: subnetTaoEmissions({ blockEmission: input.blockEmission, subnets: input.subnets }),
  }),
  gate: (input) => {
    const stage2 = emissionShares(input.subnets);
    const gated = gateShares({
      block: input.block,
      shares: stage2,
      storedBar: input.gateBar,
      quantile: input.settings.gateQuantile,
      exponent: input.settings.gateExponent,
    });
    const shares = renormaliseEnabled(gated.shares, input.enabled);
    return { taoEmission: emissionsFromShares(input.blockEmission, shares), gateBar: gated.bar };
  },
  flow: (input) => {
    const { settings } = input;
    const shares = flowShares(input.userFlow, settings.flowCutoff, settings.flowExponent);
    return { taoEmission: emissionsFromShares(input.blockEmission, shares) };
  },
  'net-flow': (input) => {
    const { settings } = input;
    const flows = netFlows({
      user: input.userFlow,
      protocol: input.protocolFlow,
      enabled: settings.netTaoFlowEnabled,
    });
    const shares = renormaliseEnabled(
      flowShares(flows, settings.flowCutoff, settings.flowExponent),
      input.enabled,
    );
    return { taoEmission: emissionsFromShares(input.blockEmission, shares) };
  },
};

/** One subnet's flow EMA after this block and whether its accumulator was consumed. */
interface FlowStep {
  readonly ema: FlowEma | null;
  readonly consumed: boolean;
}

/**
 * The flow-EMA bookkeeping of `rule` (rulepacks.md §3.4–3.6, §4.2): the user EMA (seeded from prices
 * when the settings say so, §3.6) and the protocol EMA advance and drain their accumulators once per
 * block; EMAs the pack does not keep stay as stored.
 */
function flowBookkeeping(
  rule: FlowEmaRule,
  input: {
    readonly block: number;
    readonly subnets: readonly PackShareSubnet[];
    readonly settings: RuleSettings;
  },
): { readonly user: FlowStep[]; readonly protocol: FlowStep[] } {
  const { subnets, settings, block } = input;
  const keptUser = subnets.map((s) => ({ ema: s.emaTaoFlow, consumed: false }));
  const keptProtocol = subnets.map((s) => ({ ema: s.emaProtocolFlow, consumed: false }));
  if (rule === 'none') return { user: keptUser, protocol: keptProtocol };
  const alpha = flowAlpha(settings.flowSmoothing);
  const user = subnets.map((s) => {
    if (s.emaTaoFlow === null && settings.flowSeedFromPrice) {
      // A subnet seen for the first time is seeded, and not advanced, this block.
      return { ema: { block, value: flowSeed(s.movingPrice, s.spotPrice) }, consumed: false };
    }
    return flowEmaStep({ ema: s.emaTaoFlow, accumulator: s.taoFlow, block, alpha });
  });
  if (rule === 'user') return { user, protocol: keptProtocol };
  const protocol = subnets.map((s) =>
    flowEmaStep({ ema: s.emaProtocolFlow, accumulator: s.protocolFlow, block, alpha }),
  );
  return { user, protocol };
}

const flowValue = (f: FlowStep): I64F64 => f.ema?.value ?? (0n as I64F64);

/**
 * TAO emission per emitting subnet under `pack`: the flow-EMA bookkeeping its traits name, then its
 * share rule; returns the new EMAs and bar with the TAO per subnet.
 * @example packTaoEmissions({ pack: 'dtao-2025-02', block, blockEmission: 3_333_333n, subnets, settings, gateBar: 0n }) // 1_111_111 each for 3 stable subnets
 */
export function packTaoEmissions(input: {
  readonly pack: RulePackName;
  readonly block: number;
  readonly blockEmission: bigint;
  readonly subnets: readonly PackShareSubnet[];
  readonly settings: RuleSettings;
  readonly gateBar: U64F64;
}): PackShareResult {
  const traits = RULE_PACK_TRAITS[input.pack];
  const { user, protocol } = flowBookkeeping(traits.flowEma, input);
  const result = SHARE_RULES[traits.shares]({
    ...input,
    enabled: input.subnets.map((s) => s.emissionEnabled),
    userFlow: user.map(flowValue),
    protocolFlow: protocol.map(flowValue),
  });
  return {
    taoEmission: result.taoEmission,
    emaTaoFlow: user.map((u) => u.ema),
    taoFlowConsumed: user.map((u) => u.consumed),
    emaProtocolFlow: protocol.map((g) => g.ema),
    protocolFlowConsumed: protocol.map((g) => g.consumed),
    gateBar: result.gateBar ?? input.gateBar,
  };
}
