/**
 * Prefixes every `id` of an SVG and the references to it (`url(#…)`, `href="#…"`). Vega numbers clip
 * paths and gradients from 1 in each rendering, so several charts inlined in one page would share ids.
 */
export function scopeSvgIds(svg: string, prefix: string): string {
  return svg
    .replace(/\bid="([^"]+)"/g, `id="${prefix}-$1"`)
    .replace(/url\(#([^)]+)\)/g, `url(#${prefix}-$1)`)
    .replace(/href="#([^"]+)"/g, `href="#${prefix}-$1"`);
}
