/**
 * What pack `dtao-2025-02` does differently at the pool (rulepacks.md §2.4), in both of its terms.
 * *Launch* (2025-02-13 → 2025-07-29, variant `launch`): all of T is injected with alpha_in = min(T/p, A)
 * (`injectAllTao`), nothing is bought and TotalIssuance counts all of T. *Subsidy* (2025-07-29 →
 * 2025-11-04, the pack's last form and the default): when p < T/E the subnet gets tao_in = p·cap and
 * alpha_in = cap with cap = min(E, A) (E from 2025-09-24; A = E in every period of the pack), and the rest
 * of T buys alpha that is recycled. That is `injectAndBuy` with a constant cap min(E, A), with two
 * accounting differences the span applies: the bought alpha leaves the supply, and TotalIssuance counts
 * only tao_in (the bought TAO is in the pool but uncounted, see `KernelState.uncountedTao`). Root alpha
 * is sold into the pool every block for TAO paid to root stakers (here: added to the root stake), except
 * on a subsidised subnet, where it stays in AlphaOut unowned (never under the launch terms).
 */
import type { KernelColumns, KernelState } from './types.ts';

/**
 * Sell `alpha` of a slot's root alpha fee-free into its pool and stake the TAO on root; the alpha was
 * just minted into AlphaOut and returns to the reserve. Returns the TAO (0 if the pool cannot pay it).
 * @example sellRootAlphaF64(state, 3, 1200)
 */
export function sellRootAlphaF64(state: KernelState, slot: number, alpha: number): number {
  const c: KernelColumns = state.columns;
  if (!(alpha > 0)) return 0;
  const y = c.taoReserve[slot]!;
  const x = c.alphaIn[slot]!;
  if (!(y > 0 && x > 0)) return 0;
  // One sell for the span: in a constant-product pool, n sells of a/n each give the same TAO when
  // nothing else moves the pool in between (the injections in between are price-keeping).
  const w = c.wQuote[slot]!;
  const tao = y * (1 - (x / (x + alpha)) ** ((1 - w) / w));
  if (!(tao > 0 && tao < y)) return 0;
  c.taoReserve[slot] = y - tao;
  c.alphaIn[slot] = x + alpha;
  c.alphaOut[slot]! -= alpha;
  state.rootStake += tao;
  return tao;
}
