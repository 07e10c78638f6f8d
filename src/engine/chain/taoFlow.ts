/**
 * Flow accumulators of the flow packs (rulepacks.md §3.4, §4.2): user stake swaps add the TAO they pay
 * in, unstakes subtract the TAO paid out; protocol injections, chain buys and root-claim sells go to the
 * protocol accumulator. Both are i64 and saturate like the chain's `saturating_add`. Which of the
 * coinbase's and registration's flows are recorded is a trait of the rule pack.
 */
import type { RulePackTraits } from '../rules/rulePackTraits.ts';
import type { Draft } from '../state/draft.ts';
import { type NetUid, ROOT_NETUID } from '../types.ts';

const I64_MIN = -(1n << 63n);
const I64_MAX = (1n << 63n) - 1n;
const clampI64 = (v: bigint) => (v < I64_MIN ? I64_MIN : v > I64_MAX ? I64_MAX : v);

/** Add `delta` rao (negative for outflow) to a subnet's user flow accumulator. */
export function recordUserFlow(draft: Draft, id: NetUid, delta: bigint): void {
  if (id === ROOT_NETUID || delta === 0n) return;
  const w = draft.write(id);
  w.taoFlow = clampI64(w.taoFlow + delta);
}

/** Add `delta` rao to a subnet's protocol flow accumulator (netflow pack). */
export function recordProtocolFlow(draft: Draft, id: NetUid, delta: bigint): void {
  if (id === ROOT_NETUID || delta === 0n) return;
  const w = draft.write(id);
  w.protocolFlow = clampI64(w.protocolFlow + delta);
}

/**
 * The coinbase's TAO (injected or chain-bought) as protocol flow, for packs that keep a protocol flow
 * EMA (netflow, rulepacks.md §4.2).
 */
export function recordEmissionFlow(draft: Draft, traits: RulePackTraits, id: NetUid, tao: bigint): void {
  if (traits.flowEma === 'user-and-protocol') recordProtocolFlow(draft, id, tao);
}

/** A registration burn's TAO as user inflow, for packs that count it (netflow on, rulepacks.md §4.1). */
export function recordBurnFlow(draft: Draft, traits: RulePackTraits, id: NetUid, tao: bigint): void {
  if (traits.burnsAreUserFlow) recordUserFlow(draft, id, tao);
}
