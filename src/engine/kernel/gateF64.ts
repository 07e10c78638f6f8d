/**
 * The Hill gate of pack `gate-2026-07` (rulepacks.md §6.3): a stored bar θ, the share at which the
 * shares sorted from the largest down first reach a cumulative mass q, recomputed every 360 blocks (and
 * while it is 0); each positive share w becomes w / (1 + (θ/w)^h), then all are renormalised.
 */
import { EMISSION_BAR_UPDATE_INTERVAL } from '../rules/gate.ts';

/** Bar quantile q: 0.75, the value root set after deploy (the runtime default is 0.61). */
export const DEFAULT_GATE_QUANTILE = 0.75;
/** Hill exponent h (EmissionGateExponent default). */
export const DEFAULT_GATE_EXPONENT = 3;

/**
 * Whether the bar is recomputed in a span of blocks `blockStart + 1 … blockStart + blocks`: when it was
 * never computed, or when a multiple of the interval falls inside. A day step therefore recomputes once
 * per step (from the span's shares), where the chain would recompute 20 times within it.
 * @example gateBarDue(0.2, 359, 1) // true (block 360)
 */
export function gateBarDue(bar: number, blockStart: number, blocks: number): boolean {
  if (!(bar > 0)) return true;
  return (
    Math.floor((blockStart + blocks) / EMISSION_BAR_UPDATE_INTERVAL) >
    Math.floor(blockStart / EMISSION_BAR_UPDATE_INTERVAL)
  );
}

/**
 * The q-mass bar over the eligible slots' shares (zeros included): the share at which the running sum
 * from the largest down first reaches `quantile`. 0 when no share is positive. `sorted` is a buffer of
 * at least `shares.length` entries.
 * @example gateBarF64(new Float64Array([0.4, 0.3, 0.2, 0.1]), ones, 0.75, buf) // 0.2
 */
export function gateBarF64(
  shares: Float64Array,
  eligible: Uint8Array,
  quantile: number,
  sorted: Float64Array,
): number {
  let n = 0;
  for (let i = 0; i < shares.length; i++) if (eligible[i] === 1) sorted[n++] = shares[i]!;
  const part = sorted.subarray(0, n);
  part.sort(); // ascending; read from the end
  let cumulative = 0;
  let bar = 0;
  for (let k = n - 1; k >= 0; k--) {
    bar = part[k]!;
    cumulative += bar;
    if (cumulative >= quantile) break;
  }
  return bar > 0 ? bar : 0;
}

/**
 * Gate `shares` in place with bar θ and exponent h and renormalise; if every gated share underflows to
 * 0 the ungated shares are kept. A bar of 0 leaves the shares as they are.
 * @example applyGateF64(w, 0.2, 3) // w = (0.4, 0.3, 0.2, 0.1) → (0.509322, 0.331514, 0.143247, 0.015916)
 */
export function applyGateF64(shares: Float64Array, bar: number, exponent: number): void {
  if (!(bar > 0)) return;
  let sum = 0;
  for (let i = 0; i < shares.length; i++) {
    const w = shares[i]!;
    if (!(w > 0)) continue;
    const r = bar / w;
    sum += w / (1 + (exponent === 3 ? r * r * r : r ** exponent));
  }
  if (!(sum > 0)) return;
  for (let i = 0; i < shares.length; i++) {
    const w = shares[i]!;
    if (!(w > 0)) continue;
    const r = bar / w;
    shares[i] = w / (1 + (exponent === 3 ? r * r * r : r ** exponent)) / sum;
  }
}
