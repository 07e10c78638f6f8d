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
  /** Output: the mean root proportion of the last {@link meanRootProportion}. */
  mean: number;
}

/**
 * Mean root proportion over the span's blocks j = 0…n−1 at issuance A₀ + g·(j + offset): offset 0 for the
 * injection cap (measured before the block's minting), 1 for the pending split (after it). Written to
 * `span.mean` rather than returned: the kernel calls this for every subnet, and a returned float is boxed.
 */
export function meanRootProportion(span: RootProportionSpan, offset: number): void {
  const w = span.weightedRoot;
  const n = span.blocks;
  const g = span.growth;
  const first = w + span.issuance + g * offset;
  const last = first + g * n;
  if (!(w > 0)) span.mean = 0;
  else if (n === 1) span.mean = w / first;
  else if (!(first > 0) || !(last > 0)) {
    span.mean = w / (w + Math.max(span.issuance, 0)); // shrinking issuance: not reached
  } else {
    const rise = g * n;
    // Euler–Maclaurin: Σ f(j) = ∫ f + (f(first) − f(last))/2 + (f'(last) − f'(first))/12 + …
    const integral =
      Math.abs(rise) < 1e-9 * first ? (n * w) / (first + rise / 2) : (w / g) * Math.log1p(rise / first);
    const ends = (w / first - w / last) / 2;
    const slopes = ((w * g) / (first * first) - (w * g) / (last * last)) / 12;
    span.mean = (integral + ends + slopes) / n;
  }
}
