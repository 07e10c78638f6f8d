/**
 * Render glyphs: draw each one's random transform from its stream, rasterise them together, then add
 * each one's pixel noise from the same stream, so an image depends only on its own label, font,
 * difficulty and stream.
 */
import { applyPixelNoise } from './applyPixelNoise.ts';
import type { Difficulty } from './difficulty.ts';
import type { GlyphLabel } from './glyphClasses.ts';
import type { GlyphFontFamily } from './glyphFonts.ts';
import type { GlyphImage } from './glyphImage.ts';
import type { GlyphRng } from './glyphRng.ts';
import { drawGlyphTransform } from './glyphTransform.ts';
import { rasterizeGlyphs } from './rasterizeGlyphs.ts';

/** What to draw: a label in a font at a difficulty, with the stream its randomness comes from. */
export interface GlyphSpec {
  readonly label: GlyphLabel;
  readonly font: GlyphFontFamily;
  readonly difficulty: Difficulty;
  readonly rng: GlyphRng;
}

/**
 * Render many glyphs at once (one resvg call per 256), in order.
 * @example renderGlyphs([{ label: 3, font: 'Lato', difficulty: 0.5, rng: createGlyphRng('s', 0) }])
 */
export function renderGlyphs(specs: readonly GlyphSpec[]): GlyphImage[] {
  const transforms = specs.map((s) => drawGlyphTransform(s));
  const coverage = rasterizeGlyphs(transforms);
  return coverage.map((c, i) => applyPixelNoise(c, transforms[i]!, specs[i]!.rng));
}

/**
 * Render one glyph ({@link renderGlyphs} is faster for many).
 * @example renderGlyph({ label: 7, font: 'Indie Flower', difficulty: 0.3, rng: createGlyphRng('s', 0) })
 */
export function renderGlyph(spec: GlyphSpec): GlyphImage {
  return renderGlyphs([spec])[0]!;
}
