/** Images as feature vectors: pixel levels scaled to [0, 1], one flat row-major matrix. */
import { GLYPH_PIXELS, type GlyphImage } from '../task/glyphImage.ts';

/** `images` as a `count × GLYPH_PIXELS` row-major matrix of levels in [0, 1]. */
export function pixelFeatures(images: readonly GlyphImage[]): Float32Array {
  const out = new Float32Array(images.length * GLYPH_PIXELS);
  images.forEach((image, i) => {
    for (let p = 0; p < GLYPH_PIXELS; p++) out[i * GLYPH_PIXELS + p] = image[p]! / 255;
  });
  return out;
}
