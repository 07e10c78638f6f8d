/** The jump/diffusion split of a return series: returns beyond k robust standard deviations are jumps. */
import { robustScale } from './robustScale.ts';

/** Default k: at 3 robust standard deviations a normal day is flagged about once a year (0.27%). */
export const DEFAULT_JUMP_THRESHOLD_K = 3;

/** The two parts of a return series and the rule that split them. */
export interface JumpSplit {
  /** Returns with |r − centre| > k × scale, in series order. */
  readonly jumps: readonly number[];
  /** The other returns, in series order. */
  readonly diffusion: readonly number[];
  /** Median of all returns. */
  readonly centre: number;
  /** 1.4826 × MAD of all returns. */
  readonly scale: number;
  readonly k: number;
}

/**
 * A return is a jump when it lies more than `k` robust standard deviations (1.4826 × MAD) from the
 * median of all returns; one pass, no iteration, so the rule is easy to state and to reproduce.
 */
export function splitJumps(returns: readonly number[], k = DEFAULT_JUMP_THRESHOLD_K): JumpSplit {
  const { centre, scale } = robustScale(returns);
  const jumps: number[] = [];
  const diffusion: number[] = [];
  for (const r of returns) (Math.abs(r - centre) > k * scale ? jumps : diffusion).push(r);
  return { jumps, diffusion, centre, scale, k };
}
