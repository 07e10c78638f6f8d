/**
 * The random transforms of one glyph. Every magnitude grows linearly with the difficulty, so a
 * difficulty is a dial from "any classifier reads it" to "only a model that generalises does".
 */

import type { Difficulty } from './difficulty.ts';
import type { GlyphLabel } from './glyphClasses.ts';
import type { GlyphFontFamily } from './glyphFonts.ts';
import { GLYPH_SIZE } from './glyphImage.ts';
import type { GlyphRng } from './glyphRng.ts';

/** A bar or line segment in image pixels, from (x1, y1) to (x2, y2). */
export interface GlyphSegment {
  readonly x1: number;
  readonly y1: number;
  readonly x2: number;
  readonly y2: number;
  readonly width: number;
}

/** Everything random about one glyph, drawn before rasterising (pixel noise is drawn after). */
export interface GlyphTransform {
  readonly label: GlyphLabel;
  readonly font: GlyphFontFamily;
  /** Rotation about the image centre, degrees clockwise. */
  readonly rotationDeg: number;
  /** Horizontal shear, degrees. */
  readonly skewDeg: number;
  /** Height of the glyph's ink box, pixels. */
  readonly height: number;
  /** Width stretch relative to the font's own proportions. */
  readonly aspect: number;
  /** Offset of the glyph's centre from the image centre, pixels. */
  readonly dx: number;
  readonly dy: number;
  /** Ink added around the outline (positive) or eroded from it (negative), pixels. */
  readonly thickness: number;
  /** Gaussian blur standard deviation, pixels. */
  readonly blur: number;
  /** Bars painted in the background colour over the glyph. */
  readonly occluders: readonly GlyphSegment[];
  /** Stray strokes painted in ink. */
  readonly clutter: readonly GlyphSegment[];
  /** Ink and background levels in [0, 1] (lower contrast when they are close). */
  readonly ink: number;
  readonly background: number;
  /** Standard deviation of additive pixel noise, in [0, 1] units. */
  readonly noise: number;
  /** Probability that a pixel is replaced by a uniform random level. */
  readonly speckle: number;
}

/** How far each transform goes at difficulty 1 (it scales linearly down to its base at 0). */
export const TRANSFORM_RANGE = {
  // Shift, size, stroke weight and contrast dominate on purpose: template matchers (centroid, k-NN)
  // compare pixels in place and cannot discount them, a convolutional network with a global pool
  // learns to. Clutter and noise stay mild: they hurt every model alike and only compress the scores.
  shiftPx: { base: 1, max: 9 },
  rotationDeg: { base: 3, max: 15 },
  skewDeg: { base: 2, max: 10 },
  /** The glyph's height shrinks from the full box by up to this fraction. */
  shrink: { base: 0.05, max: 0.45 },
  /** Width stretch ±. */
  aspect: { base: 0.05, max: 0.35 },
  thickenPx: { base: 0.3, max: 1.4 },
  erodePx: { base: 0, max: 0.7 },
  blurPx: { base: 0, max: 0.3 },
  /** Expected occluding bars and stray strokes (at most two of each). */
  occluders: { base: 0, max: 0.3 },
  clutter: { base: 0, max: 0.3 },
  /** Contrast loss: ink falls and background rises by up to these levels. */
  inkLoss: { base: 0, max: 0.45 },
  backgroundRise: { base: 0, max: 0.3 },
  noise: { base: 0, max: 0.05 },
  speckle: { base: 0, max: 0.002 },
} as const;

/** Full glyph box height at zero shrink, pixels (MNIST's 20 px box in a 28 px image). */
export const GLYPH_BOX = 20;

const at = (range: { readonly base: number; readonly max: number }, d: Difficulty) =>
  range.base + (range.max - range.base) * d;

/** Draw the transform of one glyph from `rng` at `difficulty`. */
export function drawGlyphTransform(input: {
  readonly label: GlyphLabel;
  readonly font: GlyphFontFamily;
  readonly difficulty: Difficulty;
  readonly rng: GlyphRng;
}): GlyphTransform {
  const { label, font, difficulty: d, rng } = input;
  const R = TRANSFORM_RANGE;
  const sym = (half: number) => rng.between(-half, half);
  const segments = (expected: number, width: [number, number]): GlyphSegment[] => {
    // Two slots, each present with probability expected / 2: at most two, mean `expected`.
    const out: GlyphSegment[] = [];
    for (let k = 0; k < 2; k++) {
      if (!rng.chance(expected / 2)) continue;
      const cx = GLYPH_SIZE / 2 + sym(GLYPH_SIZE / 4);
      const cy = GLYPH_SIZE / 2 + sym(GLYPH_SIZE / 4);
      const half = rng.between(4, 10);
      const angle = rng.between(0, Math.PI);
      out.push({
        x1: cx - half * Math.cos(angle),
        y1: cy - half * Math.sin(angle),
        x2: cx + half * Math.cos(angle),
        y2: cy + half * Math.sin(angle),
        width: rng.between(width[0], width[1]),
      });
    }
    return out;
  };
  const erode = at(R.erodePx, d);
  const ink = 1 - rng.between(0, at(R.inkLoss, d));
  return {
    label,
    font,
    rotationDeg: sym(at(R.rotationDeg, d)),
    skewDeg: sym(at(R.skewDeg, d)),
    height: GLYPH_BOX * (1 - rng.between(0, at(R.shrink, d))),
    aspect: 1 + sym(at(R.aspect, d)),
    dx: sym(at(R.shiftPx, d)),
    dy: sym(at(R.shiftPx, d)),
    thickness: rng.between(-erode, at(R.thickenPx, d)),
    blur: rng.between(0, at(R.blurPx, d)),
    occluders: segments(at(R.occluders, d), [1.5, 3.5]),
    clutter: segments(at(R.clutter, d), [1, 2]),
    ink,
    background: rng.between(0, at(R.backgroundRise, d)) * ink,
    noise: at(R.noise, d),
    speckle: at(R.speckle, d),
  };
}
