/**
 * The pixel-level part of a glyph's randomness: contrast (ink and background levels), speckle and
 * additive Gaussian noise, drawn from the glyph's own stream after its transform.
 */
import type { GlyphImage } from './glyphImage.ts';
import type { GlyphRng } from './glyphRng.ts';
import type { GlyphTransform } from './glyphTransform.ts';

/** `coverage` (0–255 ink) with `t`'s contrast and noise, as a new image. */
export function applyPixelNoise(coverage: Uint8Array, t: GlyphTransform, rng: GlyphRng): GlyphImage {
  const out = new Uint8Array(coverage.length);
  const span = t.ink - t.background;
  for (let i = 0; i < coverage.length; i++) {
    let v = t.background + (span * coverage[i]!) / 255;
    if (t.speckle > 0 && rng.chance(t.speckle)) v = rng.uniform();
    if (t.noise > 0) v += t.noise * rng.normal();
    out[i] = Math.round(255 * Math.min(1, Math.max(0, v)));
  }
  return out;
}
