/**
 * Flow-based TAO shares of packs `taoflow-2025-11` and `netflow-2026-05` (rulepacks.md §3.5, §4.3): an EMA
 * of each subnet's net user TAO flow (optionally less a normalised protocol-cost EMA), offset by
 * L = max(cutoff, min(0, min F)), then z^p / Σ z^p. Amounts are TAO per block.
 */

/** FlowEmaSmoothingFactor / i64::MAX: the EMA's weight per block (half-life 216,000 blocks). */
export const DEFAULT_FLOW_SMOOTHING = 29_597_889_189_277 / (2 ** 63 - 1);

/**
 * Write z_i^p / Σ z^p into `out` for the slots with `eligible[i] = 1` (0 elsewhere) and return the sum
 * of the shares: 1, or 0 when every z is 0 (no TAO is allocated then).
 * @example flowSharesF64(new Float64Array([3, 1, -2]), new Uint8Array([1, 1, 1]), out, 0, 1) // out = [0.75, 0.25, 0]
 */
export function flowSharesF64(
  flow: Float64Array,
  eligible: Uint8Array,
  out: Float64Array,
  cutoff: number,
  exponent: number,
): number {
  const slots = out.length;
  let lowest = 0;
  for (let i = 0; i < slots; i++) if (eligible[i] === 1 && flow[i]! < lowest) lowest = flow[i]!;
  const offset = Math.max(cutoff, lowest);
  let top = 0;
  for (let i = 0; i < slots; i++) {
    const z = eligible[i] === 1 && flow[i]! > offset ? flow[i]! - offset : 0;
    out[i] = z;
    if (z > top) top = z;
  }
  if (!(top > 0)) {
    out.fill(0);
    return 0;
  }
  // Scaled by the largest z first (as the chain does), so z^p cannot overflow.
  let sum = 0;
  for (let i = 0; i < slots; i++) {
    const v = out[i]! / top;
    const w = exponent === 1 ? v : v ** exponent;
    out[i] = w;
    sum += w;
  }
  for (let i = 0; i < slots; i++) out[i] = out[i]! / sum;
  return 1;
}

/**
 * Net flow of `netflow-2026-05` into `out`: F_i − k·G_i for G_i > 0 (F_i − G_i otherwise), with
 * k = min(1, U⁺/G⁺) over eligible slots (0 when G⁺ = 0). Returns k.
 * @example netFlowF64(new Float64Array([10, 6, 2]), new Float64Array([16, 4, 12]), ones, out) // 0.5625
 */
export function netFlowF64(
  user: Float64Array,
  protocol: Float64Array,
  eligible: Uint8Array,
  out: Float64Array,
): number {
  const slots = out.length;
  let userPos = 0;
  let protocolPos = 0;
  for (let i = 0; i < slots; i++) {
    if (eligible[i] !== 1) continue;
    if (user[i]! > 0) userPos += user[i]!;
    if (protocol[i]! > 0) protocolPos += protocol[i]!;
  }
  const k = protocolPos > 0 ? Math.min(1, userPos / protocolPos) : 0;
  for (let i = 0; i < slots; i++) {
    const g = protocol[i]!;
    // A negative protocol EMA (root sells above emission) is added back unscaled.
    out[i] = user[i]! - (g > 0 ? k * g : g);
  }
  return k;
}

/**
 * Root's emission switch (from `netflow-2026-05`): if any eligible slot is disabled, the enabled shares
 * are divided by their sum and the disabled ones get 0. Returns the share sum (1, or 0 if none is left).
 * @example renormaliseEnabled(out, eligible, state.columns.emissionEnabled, 1)
 */
export function renormaliseEnabled(
  out: Float64Array,
  eligible: Uint8Array,
  enabled: Uint8Array,
  sum: number,
): number {
  const slots = out.length;
  let anyDisabled = false;
  let enabledSum = 0;
  for (let i = 0; i < slots; i++) {
    if (eligible[i] !== 1) continue;
    if (enabled[i] === 1) enabledSum += out[i]!;
    else anyDisabled = true;
  }
  if (!anyDisabled || !(sum > 0)) return sum;
  if (!(enabledSum > 0)) {
    out.fill(0);
    return 0;
  }
  for (let i = 0; i < slots; i++) out[i] = enabled[i] === 1 ? out[i]! / enabledSum : 0;
  return 1;
}

/**
 * One EMA over `blocks` blocks of a constant per-block input f̄, in closed form:
 * F ← (1 − a)^n·F + (1 − (1 − a)^n)·f̄, given `decay` = (1 − a)^n.
 * @example emaOver(5, 80, (1 - a) ** 1)
 */
export function emaOver(value: number, perBlock: number, decay: number): number {
  return decay * value + (1 - decay) * perBlock;
}
