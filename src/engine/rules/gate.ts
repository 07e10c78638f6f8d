/**
 * Emission gate of pack `gate-2026-07` (spec rulepacks.md §6.3; RaoFoundation/subtensor release-v440
 * 7e20eb76: `maybe_update_emission_gate_bar`, `apply_emission_gate`). Shares and the bar are U64F64;
 * the Hill power goes through the same I32F32 `exp(h·ln x)` as the flow normalisation.
 */
import { add, fromInt, mul, safeDiv, U64F64 } from '../fixed/index.ts';
import { safePow } from './flowShares.ts';

/** `EMISSION_BAR_UPDATE_INTERVAL` (blocks). */
export const EMISSION_BAR_UPDATE_INTERVAL = 360;

/**
 * q-mass bar: sort the shares descending (zeros included), add them up and return the share at which
 * the running sum first reaches q; 0 for an empty set. No interpolation.
 * @example gateBar([0.4, 0.3, 0.2, 0.1].map(u64), u64(0.75)) // 0.2
 */
export function gateBar(shares: readonly U64F64[], q: U64F64): U64F64 {
  const sorted = [...shares].sort((a, b) => (a > b ? -1 : a < b ? 1 : 0));
  let c = 0n as U64F64;
  let bar = 0n as U64F64;
  for (const v of sorted) {
    c = add(U64F64, c, v);
    bar = v;
    if (c >= q) break;
  }
  return bar;
}

/** Whether the stored bar is recomputed this block: it is 0 (never set) or the block is a multiple of 360. */
export function barIsDue(block: number, storedBar: U64F64): boolean {
  return storedBar === 0n || block % EMISSION_BAR_UPDATE_INTERVAL === 0;
}

/** The bar after this block's update: recomputed when due and kept unless the new value is 0. */
export function nextGateBar(input: {
  readonly block: number;
  readonly storedBar: U64F64;
  readonly shares: readonly U64F64[];
  readonly quantile: U64F64;
}): U64F64 {
  if (!barIsDue(input.block, input.storedBar)) return input.storedBar;
  const bar = gateBar(input.shares, input.quantile);
  return bar > 0n ? bar : input.storedBar;
}

/**
 * Hill gate with bar θ and exponent h: w_i · 1/(1 + (θ/w_i)^h), renormalised; shares come back
 * unchanged when θ is 0 or every gated weight underflows to 0.
 * @example applyGate([1/3, 2/3].map(u64), u64(2/3), fromInt(U64F64, 3)) // ≈ 0.1, 0.9
 */
export function applyGate(shares: readonly U64F64[], bar: U64F64, h: U64F64): U64F64[] {
  if (bar === 0n) return [...shares];
  const one = U64F64.one;
  const gated = shares.map((w) => {
    if (w === 0n) return w;
    const power = safePow(safeDiv(U64F64, bar, w), h);
    return mul(U64F64, w, safeDiv(U64F64, one, add(U64F64, one, power)));
  });
  const total = gated.reduce((s, x) => add(U64F64, s, x), 0n as U64F64);
  if (total === 0n) return [...shares];
  return gated.map((x) => safeDiv(U64F64, x, total));
}

/** Enabled-switch renormalisation (stage 5 / netflow): disabled get 0, enabled divided by their sum. */
export function renormaliseEnabled(shares: readonly U64F64[], enabled: readonly boolean[]): U64F64[] {
  if (!enabled.includes(false)) return [...shares];
  const total = shares.reduce((s, x, i) => (enabled[i] ? add(U64F64, s, x) : s), 0n as U64F64);
  return shares.map((x, i) => (enabled[i] && total > 0n ? safeDiv(U64F64, x, total) : (0n as U64F64)));
}

/** Gate shares of one block: bar update on the stage-2 shares, then the gate with the stored bar. */
export function gateShares(input: {
  readonly block: number;
  /** Stage-2 shares (price shares weighted by MinerBurned, renormalised). */
  readonly shares: readonly U64F64[];
  readonly storedBar: U64F64;
  readonly quantile: U64F64;
  readonly exponent: U64F64;
}): { readonly shares: U64F64[]; readonly bar: U64F64 } {
  const bar = nextGateBar(input);
  return { shares: applyGate(input.shares, bar, input.exponent), bar };
}

/** 0 as U64F64 (bar never computed). */
export const NO_BAR = fromInt(U64F64, 0);
