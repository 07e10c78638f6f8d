import { Resvg } from '@resvg/resvg-js';

// resvg maps generic `sans-serif` to Arial unless told otherwise; on Linux without Arial the chart
// stack then ends in DejaVu Sans (Debian's default), which is the family to fall back to.
const FALLBACK_FAMILY = 'DejaVu Sans';

/** Rasterises an SVG to PNG at `scale` (2 = sharp on high-density screens), on white. */
export function renderPng(svg: string, scale = 2): Buffer {
  const resvg = new Resvg(svg, {
    background: 'white',
    fitTo: { mode: 'zoom', value: scale },
    font: { loadSystemFonts: true, defaultFontFamily: FALLBACK_FAMILY, sansSerifFamily: FALLBACK_FAMILY },
  });
  return resvg.render().asPng();
}
