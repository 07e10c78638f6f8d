/**
 * The report's first answer after the headline, when the model declares them: what each kind of holder
 * got (median, chance of a loss, 90% range), and where one holder's log return came from, as a stacked
 * bar of the parts' means beside a table of their means and medians.
 */
import type { AttributionStats, HolderClassStats, Summary } from '../collect/summary.ts';
import { chartFigure, type ReportChart } from './chartFigure.ts';
import { escapeHtml as esc } from './escapeHtml.ts';
import {
  formatCount,
  formatNumber,
  formatPercent,
  formatValue,
  formatSigned as signed,
} from './formatValue.ts';
import { htmlTable } from './htmlTable.ts';

/** Styles of the section (part of the report's stylesheet). */
export const HOLDER_RETURNS_CSS = `
.holders h2 { margin-top: 28px; }
.holders h3 { margin-top: 20px; }
.holders .pair { align-items: center; }
table.holders-table { min-width: 60%; }
table.holders-table td:first-child, table.parts td:first-child { font-weight: 600; }
`;

function holderTable(classes: readonly HolderClassStats[]): string {
  const rows = classes.map((h) => [
    esc(h.label),
    esc(formatValue(h.median, 'return')),
    esc(formatPercent(h.probNegative)),
    `${esc(formatValue(h.p5, 'return'))} – ${esc(formatValue(h.p95, 'return'))}`,
  ]);
  return htmlTable({
    head: ['Holder', 'Median return', 'P(loss)', '5th–95th percentile'],
    rows,
    className: 'holders-table',
  });
}

function attributionBlock(a: AttributionStats, chart: ReportChart | null): string {
  const rows = a.parts.map((p) => [esc(p.label), esc(signed(p.mean)), esc(signed(p.median))]);
  const parts = htmlTable({
    head: ['Part', 'Mean', 'Median'],
    rows: [
      ...rows,
      ['Total, ln(1 + return)', signed(a.total.mean), signed(a.total.median)].map(
        (t) => `<strong>${esc(t)}</strong>`,
      ),
    ],
    className: 'parts',
  });
  const last = a.parts.at(-1);
  const notes = [
    `The bars are means over ${formatCount(a.count)} runs because means add up exactly to the mean log return (the red line); medians do not, so the table gives both.`,
    Number.isFinite(a.maxResidual)
      ? `In every run the parts sum to ln(1 + return) within ${formatNumber(a.maxResidual)}${last && Number.isFinite(a.lastPartShare) ? `; the last part, ${last.label}, is typically ${formatPercent(a.lastPartShare)} of the total's size (median magnitudes)` : ''}.`
      : '',
    a.skipped > 0
      ? `${formatCount(a.skipped)} run${a.skipped === 1 ? ' is' : 's are'} left out: a return of −100% has no log, or a part was not finite.`
      : '',
  ].filter(Boolean);
  return [
    `<h3 id="attribution">${esc(a.label)}: where it comes from</h3>`,
    `<div class="pair">${chartFigure(chart, '')}${parts}</div>`,
    `<p class="desc small">${notes.map(esc).join(' ')}</p>`,
  ].join('\n');
}

/** The section's HTML, or an empty string when the summary has neither holder classes nor an attribution. */
export function holderReturnsSection({
  summary,
  chart,
}: {
  summary: Summary;
  chart: ReportChart | null;
}): string {
  const classes = summary.holderClasses ?? [];
  const attribution = summary.attribution;
  if (classes.length === 0 && attribution === undefined) return '';
  return [
    '<section class="holders" aria-label="Returns by holder class">',
    classes.length > 0 ? `<h2 id="holder-returns">Returns by holder class</h2>${holderTable(classes)}` : '',
    attribution === undefined ? '' : attributionBlock(attribution, chart),
    '</section>',
  ]
    .filter(Boolean)
    .join('\n');
}
