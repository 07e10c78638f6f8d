import type { EventStats, OutcomeStats, SeriesBands, Summary } from '../collect/summary.ts';
import type { MetricInfo } from '../contract/types.ts';
import type { SummaryWithSensitivity } from '../sensitivity/sensitivityScreen.ts';
import { chartFigure as figure, type ReportChart } from './chartFigure.ts';
import { CHART_COLORS } from './chartTheme.ts';
import { escapeHtml as esc } from './escapeHtml.ts';
import { fanRows } from './fanChartSpec.ts';
import {
  formatCount,
  formatNumber,
  formatPercent,
  formatStat,
  formatValue,
  ordinal,
  type Unit,
} from './formatValue.ts';
import { HOLDER_RETURNS_CSS, holderReturnsSection } from './holderReturnsSection.ts';
import { htmlHead } from './htmlHead.ts';
import { htmlTable as table } from './htmlTable.ts';
import { infoLookup } from './infoLookup.ts';
import { manifestRows, type ReportManifest } from './manifestRows.ts';
import { quantileAt, quantileLevel } from './quantileAt.ts';
import { tornadoSection } from './tornadoSection.ts';

export type { ReportChart } from './chartFigure.ts';

/**
 * Charts of a report, aligned with the summary: one per series, one per outcome, one for events, and
 * the attribution's when the summary has one.
 */
export interface ReportCharts {
  readonly series: readonly (ReportChart | null)[];
  readonly outcomes: readonly (ReportChart | null)[];
  readonly events: ReportChart | null;
  readonly attribution: ReportChart | null;
  /** The sensitivity screen's tornado, when the summary has one. */
  readonly tornado?: ReportChart | null;
}

/** Errored runs listed in full up to this many; the rest are counted. */
const MAX_ERRORS_LISTED = 200;

/** A spread (stdev) in a metric's unit: returns and shares are percentage points, without a sign. */
function spreadUnit(unit: Unit): Unit {
  return unit === 'return' ? 'share' : unit;
}

function keyFigures(outcomes: readonly OutcomeStats[], infoOf: (key: string) => MetricInfo): string {
  if (outcomes.length === 0) return '<p class="note">No final outcomes were recorded.</p>';
  const rows = outcomes.map((o) => {
    const info = infoOf(o.key);
    return [
      `<span title="${esc(info.description)}">${esc(info.label)}</span>`,
      esc(formatValue(o.median, info.unit)),
      esc(formatValue(quantileAt(o.quantiles, 5), info.unit)),
      esc(formatValue(quantileAt(o.quantiles, 95), info.unit)),
      esc(formatPercent(o.probNegative)),
      esc(formatStat(o.skewness)),
    ];
  });
  return table({
    head: ['Outcome', 'Median', '5th percentile', '95th percentile', 'P(&lt; 0)', 'Skewness'],
    rows,
    className: 'key',
  });
}

/** "On day 365: median X (90% of runs between A and B)." for the last record with a median. */
function lastDayCaption(series: SeriesBands, unit: Unit): string {
  const last = fanRows(series)
    .filter((r) => r.p50 !== null)
    .at(-1);
  if (!last || last.p50 === null) return '';
  const range =
    last.p5 !== null && last.p95 !== null
      ? ` (90% of runs between ${formatValue(last.p5, unit)} and ${formatValue(last.p95, unit)})`
      : '';
  return `On day ${formatNumber(last.day)}: median ${formatValue(last.p50, unit)}${range}.`;
}

function seriesSection(summary: Summary, charts: ReportCharts): string {
  const infoOf = infoLookup(summary.shape.series);
  if (summary.series.length === 0) return '<p class="note">No time series were recorded.</p>';
  return summary.series
    .map((s, i) => {
      const info = infoOf(s.key);
      const caption = [info.description, lastDayCaption(s, info.unit)].filter(Boolean).map(esc).join(' ');
      return `<section class="metric"><h3>${esc(info.label)}</h3>${figure(charts.series[i] ?? null, caption)}</section>`;
    })
    .join('\n');
}

function outcomeTables(o: OutcomeStats, unit: Unit): string {
  const v = (x: number) => esc(formatValue(x, unit));
  const st = (x: number) => esc(formatStat(x));
  const p = (x: number) => esc(formatPercent(x));
  const moments = [
    ['Runs', esc(formatCount(o.count))],
    ['Mean', v(o.mean)],
    ['Median', v(o.median)],
    ['Standard deviation', esc(formatValue(o.stdev, spreadUnit(unit)))],
    ['Skewness', st(o.skewness)],
    ['Kurtosis', st(o.kurtosis)],
    ['Minimum', v(o.min)],
    ['Maximum', v(o.max)],
    ['P(&lt; 0)', p(o.probNegative)],
    ['Top 10% of runs hold', p(o.top10Share)],
    ['Top 1% of runs hold', p(o.top1Share)],
  ];
  const quantiles = Object.entries(o.quantiles)
    .map(([key, value]) => ({ level: quantileLevel(key), key, value }))
    .sort((a, b) => (Number.isNaN(a.level) ? 1 : Number.isNaN(b.level) ? -1 : a.level - b.level))
    .map((q) => [Number.isNaN(q.level) ? esc(q.key) : `${esc(ordinal(q.level))} percentile`, v(q.value)]);
  const quantileTable = quantiles.length
    ? table({ head: ['Quantile', 'Value'], rows: quantiles, className: 'stats' })
    : '<p class="note">No quantiles recorded.</p>';
  return `<div class="pair">${table({ head: ['Statistic', 'Value'], rows: moments, className: 'stats' })}${quantileTable}</div>`;
}

function outcomesSection(summary: Summary, charts: ReportCharts): string {
  const infoOf = infoLookup(summary.shape.outcomes);
  if (summary.outcomes.length === 0) return '<p class="note">No final outcomes were recorded.</p>';
  return summary.outcomes
    .map((o, i) => {
      const info = infoOf(o.key);
      const desc = info.description ? `<p class="desc">${esc(info.description)}</p>` : '';
      return `<section class="metric"><h3>${esc(info.label)}</h3>${desc}${figure(charts.outcomes[i] ?? null, '')}${outcomeTables(o, info.unit)}</section>`;
    })
    .join('\n');
}

function eventsSection(
  events: readonly EventStats[],
  infos: readonly MetricInfo[],
  chart: ReportChart | null,
): string {
  if (events.length === 0) return '<p class="note">No events were recorded.</p>';
  const infoOf = infoLookup(infos);
  const rows = events.map((e) => {
    const info = infoOf(e.key);
    const desc = info.description ? `<div class="small">${esc(info.description)}</div>` : '';
    return [
      `${esc(info.label)}${desc}`,
      esc(formatPercent(e.probability)),
      `${esc(formatPercent(e.low))} – ${esc(formatPercent(e.high))}`,
      esc(formatCount(e.count)),
    ];
  });
  return `${figure(chart, '')}${table({ head: ['Event', 'Probability', '95% interval (Wilson)', 'Runs with it'], rows })}`;
}

function errorsSection(summary: Summary): string {
  const { errored } = summary.runs;
  if (errored === 0 && summary.errors.length === 0) return '';
  const listed = summary.errors.slice(0, MAX_ERRORS_LISTED);
  const rows = listed.map((e) => [esc(String(e.runIndex)), `<code>${esc(e.message)}</code>`]);
  const more = summary.errors.length - listed.length;
  const total = Math.max(errored, summary.errors.length);
  return [
    '<h2 id="errors">Errored runs</h2>',
    `<p>${esc(formatCount(total))} run${total === 1 ? '' : 's'} ended with an error and ${total === 1 ? 'is' : 'are'} left out of every figure above.</p>`,
    rows.length ? table({ head: ['Run', 'Error'], rows, className: 'errors' }) : '',
    more > 0 ? `<p class="note">…and ${esc(formatCount(more))} more.</p>` : '',
  ].join('\n');
}

/** The report stylesheet (shared with the comparison report). */
export const REPORT_CSS = `
:root { color-scheme: light; --text: ${CHART_COLORS.text}; --muted: ${CHART_COLORS.muted}; --line: ${CHART_COLORS.grid};
  --accent: ${CHART_COLORS.median}; --soft: #f3f6f9; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; background: #fff; color: var(--text);
  font: 16px/1.6 system-ui, -apple-system, "Segoe UI", Roboto, Helvetica, Arial, "DejaVu Sans", sans-serif; }
main { max-width: 960px; margin: 0 auto; padding: 48px 28px 72px; }
h1 { font-size: 2rem; line-height: 1.2; letter-spacing: -0.015em; margin: 0 0 20px; }
h2 { font-size: 1.35rem; margin: 56px 0 12px; padding-bottom: 6px; border-bottom: 1px solid var(--line); }
h3 { font-size: 1.08rem; margin: 36px 0 4px; }
.answer { margin: 0 0 18px; padding: 18px 22px; background: var(--soft); border-left: 4px solid var(--accent);
  border-radius: 0 6px 6px 0; font-size: 1.16rem; line-height: 1.55; }
.answer p { margin: 0 0 0.55em; }
.answer p:last-child { margin-bottom: 0; }
.meta, .desc, figcaption, .small { color: var(--muted); }
.meta { font-size: 0.92rem; margin: 0 0 6px; }
.desc { margin: 0 0 8px; }
.small { font-size: 0.85rem; line-height: 1.4; }
.note { color: var(--muted); font-style: italic; }
figure { margin: 12px 0 8px; }
figure svg { display: block; max-width: 100%; height: auto; }
figcaption { font-size: 0.9rem; margin-top: 4px; }
.table-wrap { overflow-x: auto; }
table { border-collapse: collapse; font-size: 0.92rem; font-variant-numeric: tabular-nums; margin: 8px 0; }
th, td { padding: 6px 12px; border-bottom: 1px solid var(--line); text-align: right; vertical-align: top; }
th:first-child, td:first-child { text-align: left; padding-left: 0; }
thead th { color: var(--muted); font-size: 0.78rem; font-weight: 600; letter-spacing: 0.04em; text-transform: uppercase; }
table.key { width: 100%; }
table.key td:first-child { font-weight: 600; }
table.errors td:last-child { text-align: left; }
.pair { display: flex; flex-wrap: wrap; gap: 8px 48px; align-items: flex-start; }
code { font: 0.85rem/1.4 ui-monospace, SFMono-Regular, Menlo, Consolas, "DejaVu Sans Mono", monospace; word-break: break-word; }
footer { margin-top: 56px; color: var(--muted); font-size: 0.85rem; }
${HOLDER_RETURNS_CSS}
@media print { main { max-width: none; padding: 0; } figure, table, .answer { break-inside: avoid; } }
`;

/**
 * The report page: title, the answer in plain words (the summary's headline), key figures, fan charts,
 * final outcome distributions and tables, events, errored runs and the manifest. Self-contained: CSS
 * and SVG inline, no script, no external resource. Every text from the summary or manifest is escaped.
 */
export function reportHtml({
  summary,
  manifest,
  charts,
}: {
  summary: SummaryWithSensitivity;
  manifest: ReportManifest;
  charts: ReportCharts;
}): string {
  const title = summary.scenario.title || summary.scenario.name || 'Monte Carlo report';
  const headline = summary.headline.length
    ? `<section class="answer" aria-label="Answer">${summary.headline.map((s) => `<p>${esc(s)}</p>`).join('')}</section>`
    : '';
  const { requested, completed, errored } = summary.runs;
  const meta = [
    summary.scenario.name && summary.scenario.name !== title ? `Scenario ${summary.scenario.name}` : '',
    `${formatCount(completed)} of ${formatCount(requested)} runs completed${errored ? ` (${formatCount(errored)} errored)` : ''}`,
    Number.isFinite(summary.horizonDays) ? `${formatNumber(summary.horizonDays)}-day horizon` : '',
  ].filter(Boolean);
  const description = summary.scenario.description
    ? `<p class="desc">${esc(summary.scenario.description)}</p>`
    : '';
  const manifestTable = table({
    head: ['Field', 'Value'],
    rows: manifestRows({ manifest, scenarioName: summary.scenario.name }).map((r) => [
      esc(r.label),
      `<code>${esc(r.value)}</code>`,
    ]),
    className: 'manifest',
  });
  return `${htmlHead(title, REPORT_CSS)}
<body>
<main>
<h1>${esc(title)}</h1>
${headline}
${holderReturnsSection({ summary, chart: charts.attribution })}
${tornadoSection(summary.sensitivity, charts.tornado ?? null)}
<p class="meta">${meta.map(esc).join(' · ')}</p>
${description}
<h2 id="key-figures">Key figures</h2>
<p class="desc">Final outcomes across runs: the median, the range that holds 90% of runs, the chance of ending below zero, and the skewness (positive: a long right tail, where a few runs take most of the gains).</p>
${keyFigures(summary.outcomes, infoLookup(summary.shape.outcomes))}
<h2 id="over-time">Over time</h2>
${seriesSection(summary, charts)}
<h2 id="outcomes">Final outcomes</h2>
${outcomesSection(summary, charts)}
<h2 id="events">Events</h2>
${eventsSection(summary.events, summary.shape.events, charts.events)}
${errorsSection(summary)}
<h2 id="manifest">Run manifest</h2>
<p class="desc">Everything needed to reproduce these figures: the same scenario, seed and rule pack give the same numbers whatever the worker count.</p>
${manifestTable}
<footer>Tensormarket Monte Carlo report.</footer>
</main>
</body>
</html>
`;
}
