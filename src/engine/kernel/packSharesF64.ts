/**
 * TAO emission shares of a span under the share rule of the run's rule pack (rulepacks.md §0; the
 * pack's traits): the price rule ({@link emissionSharesF64}), dtao's plain m/Σm, the flow rules
 * ({@link flowSharesF64}) and the gate ({@link applyGateF64}). The flow EMAs are read at the span's middle: shares follow the EMA
 * block by block on the chain, and the EMA moves little in a span (half-life 216,000 blocks).
 */

import {
  DEFAULT_RULE_PACK,
  RULE_PACK_TRAITS,
  type RulePackTraits,
  type ShareRule,
} from '../rules/rulePackTraits.ts';
import { emissionSharesF64 } from './emissionSharesF64.ts';
import {
  DEFAULT_FLOW_SMOOTHING,
  emaOver,
  flowSharesF64,
  netFlowF64,
  renormaliseEnabled,
} from './flowSharesF64.ts';
import {
  applyGateF64,
  DEFAULT_GATE_EXPONENT,
  DEFAULT_GATE_QUANTILE,
  gateBarDue,
  gateBarF64,
} from './gateF64.ts';
import type { KernelScratch } from './kernelScratch.ts';
import type { KernelParams, KernelRulePack, KernelState } from './types.ts';

/** The pack a run follows (the current chain's when unset). */
export function rulePackOf(params: KernelParams): KernelRulePack {
  return params.rulePack ?? DEFAULT_RULE_PACK;
}

/** The traits of the pack a run follows. */
export function rulePackTraitsOf(params: KernelParams): RulePackTraits {
  return RULE_PACK_TRAITS[rulePackOf(params)];
}

/** Inputs of {@link packSharesF64}. */
export interface PackSharesArgs {
  readonly state: KernelState;
  readonly params: KernelParams;
  readonly scratch: KernelScratch;
  /** Moving prices and MinerBurned in force over the span on average. */
  readonly movingPrice: Float64Array;
  readonly minerBurned: Float64Array;
  /** Blocks the span is asked to run (the step's remaining blocks). */
  readonly blocks: number;
}

/**
 * Write each slot's share into `scratch.shares` and (for share rules other than the price rule, which
 * does not read it otherwise) mark `scratch.eligible`; returns the share sum (1, or 0 when no TAO is
 * allocated). The gate rule may store a new bar in the state.
 */
export function packSharesF64(args: PackSharesArgs): number {
  return SHARE_RULES_F64[rulePackTraitsOf(args.params).shares](args);
}

/** Mark the slots that take part: active and started. */
function markEligible(args: PackSharesArgs): void {
  const { state, params, scratch } = args;
  const c = state.columns;
  const block = state.block;
  const eligible = scratch.eligible;
  for (let i = 0; i < params.slots; i++) {
    eligible[i] = c.active[i] === 1 && c.startBlock[i]! <= block ? 1 : 0;
  }
}

/** The float64 share function of each share rule (a new rule is a type error here until it has one). */
const SHARE_RULES_F64: Readonly<Record<ShareRule, (args: PackSharesArgs) => number>> = {
  // The current rule needs nothing else: keep its path as it was.
  price: ({ state, scratch, movingPrice, minerBurned }) =>
    emissionSharesF64({ state, out: scratch.shares, movingPrice, minerBurned }),
  dtao: (args) => {
    markEligible(args);
    const { state, scratch, movingPrice } = args;
    // m_i / Σm: no MinerBurned weighting, no emission switch (neither existed yet).
    return emissionSharesF64({
      state,
      out: scratch.shares,
      movingPrice,
      minerBurned: scratch.zeros,
      emissionEnabled: scratch.ones,
    });
  },
  gate: (args) => {
    markEligible(args);
    const { state, params, scratch, movingPrice, minerBurned } = args;
    const out = scratch.shares;
    const eligible = scratch.eligible;
    const block = state.block;
    const sum = emissionSharesF64({ state, out, movingPrice, minerBurned, emissionEnabled: scratch.ones });
    if (sum > 0 && gateBarDue(state.gateBar, block, args.blocks)) {
      const bar = gateBarF64(out, eligible, params.gateQuantile ?? DEFAULT_GATE_QUANTILE, scratch.sorted);
      if (bar > 0) state.gateBar = bar;
    }
    if (sum > 0) applyGateF64(out, state.gateBar, params.gateExponent ?? DEFAULT_GATE_EXPONENT);
    return renormaliseEnabled(out, eligible, state.columns.emissionEnabled, sum);
  },
  flow: (args) => {
    markEligible(args);
    const { params, scratch } = args;
    const flow = flowAtMiddle(args);
    return flowSharesF64(
      flow,
      scratch.eligible,
      scratch.shares,
      params.flowCutoff ?? 0,
      params.flowExponent ?? 1,
    );
  },
  'net-flow': (args) => {
    markEligible(args);
    const { state, params, scratch } = args;
    const c = state.columns;
    const eligible = scratch.eligible;
    const flow = flowAtMiddle(args);
    netFlowF64(flow, c.protocolEma, eligible, scratch.netFlow);
    const sum = flowSharesF64(
      scratch.netFlow,
      eligible,
      scratch.shares,
      params.flowCutoff ?? 0,
      params.flowExponent ?? 1,
    );
    return renormaliseEnabled(scratch.shares, eligible, c.emissionEnabled, sum);
  },
};

/** Net user TAO flow of a slot since its EMA last advanced (root-claim sells are protocol flow). */
export function pendingUserFlow(state: KernelState, slot: number): number {
  const c = state.columns;
  return c.userStakeTao[slot]! - c.userUnstakeTao[slot]! + c.rootUnstakeTao[slot]! - c.flowMark[slot]!;
}

/** The user flow EMA half-way through the span, with the step's flow spread evenly over its blocks. */
function flowAtMiddle(args: PackSharesArgs): Float64Array {
  const { state, scratch, params } = args;
  const c = state.columns;
  const out = scratch.flowMid;
  const a = params.flowSmoothing ?? DEFAULT_FLOW_SMOOTHING;
  const decay = (1 - a) ** (args.blocks / 2);
  for (let i = 0; i < params.slots; i++) {
    out[i] =
      scratch.eligible[i] === 1
        ? emaOver(c.flowEma[i]!, pendingUserFlow(state, i) / args.blocks, decay)
        : c.flowEma[i]!;
  }
  return out;
}

/**
 * Advance the user flow EMA of every eligible slot over the `blocks` blocks run, consuming that part of
 * the flow recorded since it last advanced (`requested` = blocks it was spread over). A slot outside the
 * coinbase keeps its flow for when it is back, as the chain's accumulator does.
 */
export function advanceFlowEmas(
  state: KernelState,
  scratch: KernelScratch,
  params: KernelParams,
  requested: number,
  blocks: number,
): void {
  const c = state.columns;
  const a = params.flowSmoothing ?? DEFAULT_FLOW_SMOOTHING;
  const decay = (1 - a) ** blocks;
  for (let i = 0; i < params.slots; i++) {
    if (scratch.eligible[i] !== 1) continue;
    const perBlock = pendingUserFlow(state, i) / requested;
    c.flowMark[i]! += perBlock * blocks;
    c.flowEma[i] = emaOver(c.flowEma[i]!, perBlock, decay);
  }
}
