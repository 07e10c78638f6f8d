/**
 * Rasterise glyph transforms with resvg: white ink on black at {@link GLYPH_SIZE} pixels, anti-aliased,
 * one sheet of up to {@link SHEET_CELLS} cells per resvg call. The result is ink coverage before the
 * contrast and noise of {@link applyPixelNoise}.
 */
import { Resvg } from '@resvg/resvg-js';
import { GLYPH_FONTS, glyphFontFiles } from './glyphFonts.ts';
import { GLYPH_PIXELS, GLYPH_SIZE } from './glyphImage.ts';
import { glyphSheetSvg, SHEET_COLUMNS } from './glyphSheetSvg.ts';
import type { GlyphTransform } from './glyphTransform.ts';

/** Cells per resvg call: a 16 × 16 sheet (448 px square). */
export const SHEET_CELLS = SHEET_COLUMNS * SHEET_COLUMNS;

/** Ink coverage of each glyph, 0–255, one {@link GLYPH_PIXELS}-byte image per transform. */
export function rasterizeGlyphs(transforms: readonly GlyphTransform[]): Uint8Array[] {
  const fontFiles = glyphFontFiles();
  const out: Uint8Array[] = [];
  for (let start = 0; start < transforms.length; start += SHEET_CELLS) {
    const batch = transforms.slice(start, start + SHEET_CELLS);
    const { svg, width } = glyphSheetSvg(batch);
    const rgba = new Resvg(svg, {
      font: { fontFiles, loadSystemFonts: false, defaultFontFamily: GLYPH_FONTS[0].family },
      logLevel: 'error',
    }).render().pixels;
    for (let k = 0; k < batch.length; k++) {
      const x0 = (k % SHEET_COLUMNS) * GLYPH_SIZE;
      const y0 = Math.floor(k / SHEET_COLUMNS) * GLYPH_SIZE;
      const image = new Uint8Array(GLYPH_PIXELS);
      for (let y = 0; y < GLYPH_SIZE; y++) {
        for (let x = 0; x < GLYPH_SIZE; x++) {
          // Gray on an opaque ground: the red channel is the coverage.
          image[y * GLYPH_SIZE + x] = rgba[4 * ((y0 + y) * width + x0 + x)]!;
        }
      }
      out.push(image);
    }
  }
  return out;
}
