/**
 * Images are square, 8-bit grayscale, row-major: 0 is background, 255 full ink (light glyph on a dark
 * ground, as in MNIST), so one image is {@link GLYPH_PIXELS} bytes and compares byte for byte.
 */
import type { GlyphLabel } from './glyphClasses.ts';

/** Side of an image in pixels. */
export const GLYPH_SIZE = 28;

/** Pixels in one image. */
export const GLYPH_PIXELS = GLYPH_SIZE * GLYPH_SIZE;

/** One image: {@link GLYPH_PIXELS} bytes, row-major, 0 = background, 255 = ink. */
export type GlyphImage = Uint8Array;

/** Labelled images: `labels[i]` is the class drawn in `images[i]`. */
export interface GlyphSet {
  readonly images: readonly GlyphImage[];
  readonly labels: readonly GlyphLabel[];
}
