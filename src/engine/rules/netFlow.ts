/**
 * Net flow of pack `netflow-2026-05` (spec rulepacks.md §4.3; main merge 486037ba, with the PR #2675
 * normalisation 923fbcdc): net_i = F_i − k·G_i for positive protocol EMAs, F_i − G_i otherwise, with
 * k = min(1, ΣF⁺ / ΣG⁺). I64F64 throughout.
 */
import { add, I64F64, min, mul, safeDiv, sub } from '../fixed/index.ts';

/** k = min(1, Σ max(F, 0) / Σ max(G, 0)), 0 when no protocol EMA is positive. */
export function protocolNormFactor(user: readonly I64F64[], protocol: readonly I64F64[]): I64F64 {
  const zero = 0n as I64F64;
  const userPos = user.reduce((s, f) => (f > 0n ? add(I64F64, s, f) : s), zero);
  const protoPos = protocol.reduce((s, g) => (g > 0n ? add(I64F64, s, g) : s), zero);
  if (protoPos <= 0n) return zero;
  return min(safeDiv(I64F64, userPos, protoPos), I64F64.one);
}

/**
 * Net flows: with the toggle off the user EMAs as they are; on, F − k·G where G > 0 and F − G where
 * G <= 0 (root sells above emission are added back unscaled).
 * @example netFlows({ user: [10, 6, 2], protocol: [8, 2, 6], enabled: true }) // (2, 4, −4) in I64F64
 */
export function netFlows(input: {
  readonly user: readonly I64F64[];
  readonly protocol: readonly I64F64[];
  readonly enabled: boolean;
}): I64F64[] {
  if (!input.enabled) return [...input.user];
  const k = protocolNormFactor(input.user, input.protocol);
  return input.user.map((f, i) => {
    const g = input.protocol[i] ?? (0n as I64F64);
    return sub(I64F64, f, g > 0n ? mul(I64F64, k, g) : g);
  });
}
