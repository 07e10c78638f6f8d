/**
 * `backtest.html`: the backtest on one self-contained page (CSS and SVG inline, no script, no network):
 * settings, error figures, stylized facts, then a fan chart per metric with the recorded path over it.
 */
import { chartFigure } from '../report/chartFigure.ts';
import { escapeHtml as esc } from '../report/escapeHtml.ts';
import { formatCount, formatNumber, formatPercent } from '../report/formatValue.ts';
import { htmlHead } from '../report/htmlHead.ts';
import { htmlTable as table } from '../report/htmlTable.ts';
import { REPORT_CSS } from '../report/reportHtml.ts';
import type { BacktestChart } from './backtestCharts.ts';
import type { BacktestDocument } from './backtestJson.ts';
import { BACKTEST_METRIC_INFO } from './backtestMetrics.ts';
import type { BacktestError } from './backtestSummary.ts';
import type { StylizedFactRow } from './stylizedFact.ts';

/** A figure that may be missing: `–` for null. */
function orDash(value: number | null, format: (x: number) => string): string {
  return value === null ? '–' : esc(format(value));
}

function settingsSection(doc: BacktestDocument): string {
  const settings = table({
    head: ['Setting', 'Value'],
    rows: [
      ['Scenario', `<code>${esc(doc.scenario)}</code>`],
      ['Dates replayed', `${esc(doc.from)} to ${esc(doc.to)} (UTC)`],
      ['Runs', esc(formatCount(doc.runs))],
      ['Seed', `<code>${esc(String(doc.seed))}</code>`],
    ],
    className: 'manifest',
  });
  const files =
    doc.dataFiles.length === 0
      ? '<p class="note">No recorded data files were read.</p>'
      : table({
          head: ['Data file', 'Rows', 'SHA-256'],
          rows: doc.dataFiles.map((f) => [
            `<code>${esc(f.name)}</code>`,
            esc(formatCount(f.rows)),
            `<code>${esc(f.sha256)}</code>`,
          ]),
          className: 'manifest',
        });
  return `${settings}${files}`;
}

/** "Windows: all (2025-02-20 to 2025-10-29), spring (…)": each window once, in first-seen order. */
function windowsLine(errors: readonly BacktestError[]): string {
  const spans = new Map<string, string>();
  for (const e of errors) if (!spans.has(e.window)) spans.set(e.window, `${e.from} to ${e.to}`);
  return [...spans].map(([name, span]) => `<b>${esc(name)}</b> (${esc(span)})`).join(', ');
}

function errorsSection(errors: readonly BacktestError[]): string {
  if (errors.length === 0) return '<p class="note">No error figures were computed.</p>';
  const rows = errors.map((e) => [
    esc(BACKTEST_METRIC_INFO[e.metric].label),
    esc(e.window),
    esc(formatCount(e.dates)),
    orDash(e.coverage, (x) => formatPercent(x)),
    orDash(e.mdape, (x) => formatPercent(x)),
    e.lastDate === null ? '–' : esc(e.lastDate),
    orDash(e.lastError, (x) => formatPercent(x, true)),
    esc(formatCount(e.missingRuns)),
  ]);
  const head = [
    'Metric',
    'Window',
    'Dates',
    'Coverage (p5–p95)',
    'MdAPE',
    'Last date',
    'Error on last date',
    'Missing run values',
  ];
  return `<p class="small">Windows (UTC, inclusive): ${windowsLine(errors)}.</p>${table({ head, rows, className: 'fit' })}`;
}

/** A fact's value with its unit text. */
function factValue(value: number | null, unit: string): string {
  return value === null ? '–' : esc(unit ? `${formatNumber(value)} ${unit}` : formatNumber(value));
}

function factsSection(facts: readonly StylizedFactRow[]): string {
  if (facts.length === 0) return '<p class="note">No stylized facts were computed.</p>';
  return table({
    head: ['Fact', 'Recorded', 'Date', 'Source', 'Simulated', 'Note'],
    rows: facts.map((f) => [
      `${esc(f.name)}${f.description ? `<div class="small">${esc(f.description)}</div>` : ''}`,
      factValue(f.recorded, f.unit),
      esc(f.date),
      esc(f.source),
      factValue(f.simulated, f.unit),
      esc(f.note),
    ]),
    className: 'facts',
  });
}

function chartsSection(charts: readonly BacktestChart[]): string {
  if (charts.length === 0) return '<p class="note">No metric was simulated.</p>';
  return charts
    .map(({ metric, recorded, chart }) => {
      const info = BACKTEST_METRIC_INFO[metric];
      const overlay = recorded
        ? 'The recorded path is drawn over the fan.'
        : 'No recorded series for this metric: only the simulated fan is drawn.';
      return `<section class="metric"><h3>${esc(info.label)}</h3>${chartFigure(chart, esc(`${info.description} ${overlay}`))}</section>`;
    })
    .join('\n');
}

/** Text columns of the figures and facts tables read left-aligned; dates and values do not wrap. */
const BACKTEST_CSS = `
table.fit th:nth-child(2), table.fit td:nth-child(2), table.facts th, table.facts td { text-align: left; }
table.fit td:nth-child(6) { white-space: nowrap; }
table.facts th:nth-child(2), table.facts td:nth-child(2), table.facts th:nth-child(5), table.facts td:nth-child(5) {
  text-align: right; white-space: nowrap; }
table.facts td:nth-child(3) { white-space: nowrap; }
`;

/**
 * The backtest page. Every text from the document is escaped; the charts come from
 * renderBacktestCharts (one per metric).
 * @example backtestHtml({ document, charts: await renderBacktestCharts(document.rows) })
 */
export function backtestHtml({
  document,
  charts,
}: {
  document: BacktestDocument;
  charts: readonly BacktestChart[];
}): string {
  const title = `Backtest: ${document.scenario}`;
  const meta = [
    `${document.from} to ${document.to}`,
    `${formatCount(document.runs)} runs`,
    `seed ${document.seed}`,
  ];
  return `${htmlHead(title, REPORT_CSS + BACKTEST_CSS)}
<body>
<main>
<h1>${esc(title)}</h1>
<p class="meta">${meta.map(esc).join(' · ')}</p>
<p class="desc">The recorded network is replayed as ${esc(formatCount(document.runs))} seeded futures, and each day's simulated metrics are set beside the recorded ones.</p>
<h2 id="settings">Settings</h2>
${settingsSection(document)}
<h2 id="errors">Error figures</h2>
<p class="desc">Per metric and window, over the dates with a recorded value (a dash where there is none): coverage is the share of those dates whose recorded value lies between the 5th and 95th percentile of the runs (a well-calibrated fan covers about 90%); MdAPE is the median absolute error of the runs' median relative to the record; the error on the last date is that error with its sign, (median − recorded) / recorded, on the window's last date compared. Missing run values count, over the window's dates, the runs' values that were not finite and were left out of the quantiles.</p>
${errorsSection(document.errors)}
<h2 id="facts">Stylized facts</h2>
${factsSection(document.facts)}
<h2 id="over-time">Over time</h2>
<p class="desc">Median of runs (line), middle 50% and 90% of runs (shaded), and the recorded path where there is one.</p>
${chartsSection(charts)}
<footer>Tensormarket backtest report.</footer>
</main>
</body>
</html>
`;
}
