/**
 * SVG for a sheet of glyph cells: white ink on black, one {@link GLYPH_SIZE}-pixel cell per glyph in a
 * grid, each clipped to its cell. Rasterising many cells at once pays resvg's font loading once per sheet.
 */
import { GLYPH_CLASSES } from './glyphClasses.ts';
import { GLYPH_SIZE } from './glyphImage.ts';
import { glyphInkBox, INK_BOX_FONT_SIZE } from './glyphInkBox.ts';
import type { GlyphSegment, GlyphTransform } from './glyphTransform.ts';

/** Cells per row of a sheet. */
export const SHEET_COLUMNS = 16;

/** Widest a glyph may be drawn, pixels, so that shear and stretch keep it mostly in frame. */
const MAX_WIDTH = GLYPH_SIZE - 4;

const n = (x: number) => x.toFixed(3);

const segment = (s: GlyphSegment, colour: string) =>
  `<line x1="${n(s.x1)}" y1="${n(s.y1)}" x2="${n(s.x2)}" y2="${n(s.y2)}" stroke="${colour}" ` +
  `stroke-width="${n(s.width)}" stroke-linecap="round"/>`;

/** The elements of one cell, in cell pixels (origin top-left). */
export function glyphCellSvg(t: GlyphTransform, id: number): string {
  const box = glyphInkBox(t.font, t.label);
  const sy = t.height / box.height;
  const sx = Math.min(sy * t.aspect, MAX_WIDTH / box.width);
  const c = GLYPH_SIZE / 2;
  const transform =
    `translate(${n(c + t.dx)} ${n(c + t.dy)}) rotate(${n(t.rotationDeg)}) skewX(${n(t.skewDeg)}) ` +
    `scale(${n(sx)} ${n(sy)}) translate(${n(-(box.x + box.width / 2))} ${n(-(box.y + box.height / 2))})`;
  // A stroke around the outline adds ink (white) or, painted over the fill, erodes it (black).
  const strokeWidth = (2 * Math.abs(t.thickness)) / Math.sqrt(sx * sy);
  const stroke = t.thickness >= 0 ? 'white' : 'black';
  const text =
    `<text font-family="${t.font}" font-size="${INK_BOX_FONT_SIZE}" fill="white" stroke="${stroke}" ` +
    `stroke-width="${n(strokeWidth)}" stroke-linejoin="round" transform="${transform}">` +
    `${GLYPH_CLASSES[t.label]}</text>`;
  const body =
    text +
    t.clutter.map((s) => segment(s, 'white')).join('') +
    t.occluders.map((s) => segment(s, 'black')).join('');
  if (t.blur <= 0) return body;
  return (
    `<filter id="b${id}" filterUnits="userSpaceOnUse" x="0" y="0" width="${GLYPH_SIZE}" height="${GLYPH_SIZE}">` +
    `<feGaussianBlur stdDeviation="${n(t.blur)}"/></filter><g filter="url(#b${id})">${body}</g>`
  );
}

/** A sheet of cells for `transforms`, cell k at column k mod {@link SHEET_COLUMNS}, row k div it. */
export function glyphSheetSvg(transforms: readonly GlyphTransform[]): {
  readonly svg: string;
  readonly width: number;
  readonly height: number;
} {
  const width = SHEET_COLUMNS * GLYPH_SIZE;
  const height = Math.ceil(transforms.length / SHEET_COLUMNS) * GLYPH_SIZE;
  const cells = transforms
    .map((t, k) => {
      const x = (k % SHEET_COLUMNS) * GLYPH_SIZE;
      const y = Math.floor(k / SHEET_COLUMNS) * GLYPH_SIZE;
      return `<g transform="translate(${x} ${y})" clip-path="url(#cell)">${glyphCellSvg(t, k)}</g>`;
    })
    .join('');
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">` +
    `<defs><clipPath id="cell"><rect width="${GLYPH_SIZE}" height="${GLYPH_SIZE}"/></clipPath></defs>` +
    `<rect width="${width}" height="${height}" fill="black"/>${cells}</svg>`;
  return { svg, width, height };
}
