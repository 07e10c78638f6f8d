import type { Config } from 'vega-lite';

/**
 * Font stack of every chart. Generic names alone are not enough: resvg resolves `sans-serif` to a
 * fixed family, so common installed families are listed before it.
 */
export const CHART_FONT =
  'system-ui, -apple-system, Segoe UI, Helvetica, Arial, DejaVu Sans, Liberation Sans, sans-serif';

/** Colours shared by the charts and the page. */
export const CHART_COLORS = {
  band: '#3b6ea5',
  median: '#1d3f66',
  bar: '#5b8cc0',
  marker: '#c0392b',
  text: '#1f2933',
  muted: '#616e7c',
  grid: '#e4e7eb',
} as const;

/** Vega-Lite config of every chart: quiet axes, readable labels, white background for the PNGs. */
export const CHART_CONFIG: Config = {
  background: 'white',
  font: CHART_FONT,
  padding: 8,
  view: { stroke: null },
  // Per-mark ARIA labels would read out every data point (and make the SVG files several times larger).
  mark: { aria: false },
  title: {
    anchor: 'start',
    fontSize: 14,
    fontWeight: 600,
    color: CHART_COLORS.text,
    subtitleColor: CHART_COLORS.muted,
    subtitleFontSize: 11,
    offset: 10,
  },
  axis: {
    labelColor: CHART_COLORS.muted,
    titleColor: CHART_COLORS.muted,
    labelFontSize: 11,
    titleFontSize: 11,
    titleFontWeight: 500,
    gridColor: CHART_COLORS.grid,
    domainColor: '#9aa5b1',
    tickColor: '#9aa5b1',
  },
};
