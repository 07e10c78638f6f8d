/**
 * Where each digit's ink sits in each font, measured once per process: glyphs are then scaled and centred
 * by their ink rather than by font metrics, which differ widely between fonts (as MNIST centres by mass).
 */
import { Resvg } from '@resvg/resvg-js';
import { InvariantError } from '../../../src/engine/errors.ts';
import { GLYPH_CLASSES, type GlyphLabel } from './glyphClasses.ts';
import { type GlyphFontFamily, glyphFontFiles } from './glyphFonts.ts';

/** The ink's bounding box of a digit drawn at font size {@link INK_BOX_FONT_SIZE} with its baseline at y = 0. */
export interface InkBox {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** Font size the boxes are measured (and glyphs drawn) at, before scaling to the image. */
export const INK_BOX_FONT_SIZE = 100;

const boxes = new Map<string, InkBox>();

/** The ink box of `label` in `font` (cached). */
export function glyphInkBox(font: GlyphFontFamily, label: GlyphLabel): InkBox {
  const key = `${font}/${label}`;
  const cached = boxes.get(key);
  if (cached !== undefined) return cached;
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="400" height="400">` +
    `<text x="200" y="200" font-family="${font}" font-size="${INK_BOX_FONT_SIZE}">${GLYPH_CLASSES[label]}</text></svg>`;
  const bbox = new Resvg(svg, { font: { fontFiles: glyphFontFiles(), loadSystemFonts: false } }).getBBox();
  if (bbox === undefined || !(bbox.width > 0 && bbox.height > 0)) {
    throw new InvariantError('GLYPH_NOT_IN_FONT', `font ${font} draws no ink for ${GLYPH_CLASSES[label]}`);
  }
  const box = { x: bbox.x - 200, y: bbox.y - 200, width: bbox.width, height: bbox.height };
  boxes.set(key, box);
  return box;
}
