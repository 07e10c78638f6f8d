/**
 * A validator's weights from its miners' scores, in the form the chain takes: UIDs with a positive score
 * and their u16 weights, max-upscaled so the largest is 65535 (the chain stores them so; a validator's
 * weights are proportions). At least the subnet's `minAllowedWeights` UIDs are weighted (the chain
 * refuses fewer): when fewer scored above zero, the best of the rest are added with the smallest weight.
 */

const U16_MAX = 65_535;

/** Weights ready for `set_weights` or a commit. */
export interface WeightVector {
  readonly uids: number[];
  readonly weights: number[];
}

/**
 * The weights of `scores` (indexed by UID; negative, NaN and missing count as 0).
 * @example weightsFromScores([0, 0.5, 1], { minAllowedWeights: 1 }) // { uids: [1, 2], weights: [32768, 65535] }
 */
export function weightsFromScores(
  scores: readonly number[],
  limits: { readonly minAllowedWeights: number; readonly exclude?: readonly number[] },
): WeightVector {
  const excluded = new Set(limits.exclude ?? []);
  const ranked = scores
    .map((s, uid) => ({ uid, score: Number.isFinite(s) && s > 0 ? s : 0 }))
    .filter((e) => !excluded.has(e.uid))
    .sort((a, b) => b.score - a.score || a.uid - b.uid);
  const best = ranked[0]?.score ?? 0;
  const chosen = ranked.filter((e, i) => e.score > 0 || i < limits.minAllowedWeights);
  const out = chosen
    .map((e) => ({ uid: e.uid, weight: best > 0 ? Math.max(1, Math.round((U16_MAX * e.score) / best)) : 1 }))
    .sort((a, b) => a.uid - b.uid);
  return { uids: out.map((e) => e.uid), weights: out.map((e) => e.weight) };
}
