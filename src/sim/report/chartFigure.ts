import { escapeHtml as esc } from './escapeHtml.ts';

/** A chart as the page embeds it: its file name and SVG, or why it could not be drawn. */
export type ReportChart =
  | { readonly name: string; readonly svg: string }
  | { readonly name: string; readonly error: string };

/** A chart with its caption (already escaped HTML), or a note saying why there is no chart. */
export function chartFigure(chart: ReportChart | null, caption: string): string {
  const note = (text: string) =>
    `<p class="note">${text}</p>${caption ? `<p class="desc">${caption}</p>` : ''}`;
  if (chart === null) return note('No finite values to draw.');
  if ('error' in chart) return note(`This chart could not be drawn: ${esc(chart.error)}`);
  return `<figure id="chart-${esc(chart.name)}">${chart.svg}${caption ? `<figcaption>${caption}</figcaption>` : ''}</figure>`;
}
