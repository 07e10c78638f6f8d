/**
 * Root proportion averaged over a span of blocks (spec §4.6): `rp = W / (W + A)` with W = tao_weight ×
 * root stake and A the subnet's alpha issuance, which grows about linearly inside a step (alpha out plus
 * alpha injected, less recycled root alpha). With A_j = A₀ + g·(j + offset) the sum over the n blocks is
 * `(W / g) · ln((W + A₀ + g·(offset + n)) / (W + A₀ + g·offset))` plus the Euler–Maclaurin end terms.
 */

/** A subnet's issuance path over a span (reused per subnet by the kernel). */
export interface RootProportionSpan {
  /** tao_weight × root stake, TAO. */
  weightedRoot: number;
  /** Alpha issuance (AlphaIn + AlphaOut) before the span. */
  issuance: number;
  /** Growth of the issuance per block. */
  growth: number;
  blocks: number;
}

/**
 * Mean root proportion over the span's blocks j = 0…n−1 at issuance A₀ + g·(j + offset): offset 0 for the
 * injection cap (measured before the block's minting), 1 for the pending split (after it).
 */
export function meanRootProportion(span: RootProportionSpan, offset: number): number {
  const w = span.weightedRoot;
  if (!(w > 0)) return 0;
  const n = span.blocks;
  const g = span.growth;
  const first = w + span.issuance + g * offset;
  if (n === 1) return w / first;
  const last = first + g * n;
  if (!(first > 0) || !(last > 0)) return w / (w + Math.max(span.issuance, 0)); // shrinking issuance: not reached
  const rise = g * n;
  // Euler–Maclaurin: Σ f(j) = ∫ f + (f(first) − f(last))/2 + (f'(last) − f'(first))/12 + …
  const integral =
    Math.abs(rise) < 1e-9 * first ? (n * w) / (first + rise / 2) : (w / g) * Math.log1p(rise / first);
  const ends = (w / first - w / last) / 2;
  const slopes = ((w * g) / (first * first) - (w * g) / (last * last)) / 12;
  return (integral + ends + slopes) / n;
}
