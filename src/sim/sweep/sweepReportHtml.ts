/**
 * The sweep report: one self-contained HTML page (inline CSS and SVG, no script) with what was swept,
 * for a Sobol' design a table and a bar chart of each key outcome's first-order and total indices with
 * their intervals, for other designs the points' figures, and the manifest.
 */
import { escapeHtml as esc } from '../report/escapeHtml.ts';
import { formatNumber, formatValue } from '../report/formatValue.ts';
import { htmlHead } from '../report/htmlHead.ts';
import { htmlTable } from '../report/htmlTable.ts';
import { REPORT_CSS } from '../report/reportHtml.ts';
import type { IntervalEstimate } from './sobolIndices.ts';
import type { SweepManifest } from './sweepManifest.ts';
import type { OutcomeSobol, SweepPoint, SweepSummary } from './sweepSummary.ts';

/** The parameters table's text columns read left to right. */
const EXTRA_CSS = `
table.swept td, table.swept th { text-align: left; }
`;

/** Points the page lists for designs without indices (sweep.csv has every one). */
const POINTS_SHOWN = 60;

/** An index with its interval, to two decimals. */
export function formatIndex(e: IntervalEstimate): string {
  // A tiny negative estimate prints as 0.00, not −0.00.
  const f = (x: number) => (Number.isFinite(x) ? (Math.abs(x) < 0.005 ? 0 : x).toFixed(2) : '–');
  return `${f(e.value)} (${f(e.low)} to ${f(e.high)})`;
}

function sobolTable(o: OutcomeSobol): string {
  return htmlTable({
    head: [
      'Parameter',
      'First order S<sub>i</sub>',
      'Total S<sub>Ti</sub>',
      'Interactions S<sub>Ti</sub> − S<sub>i</sub>',
    ],
    rows: o.parameters.map((p) => [
      `<code>${esc(p.parameter)}</code>`,
      esc(formatIndex(p.firstOrder)),
      esc(formatIndex(p.totalEffect)),
      esc(
        Number.isFinite(p.totalEffect.value - p.firstOrder.value)
          ? (p.totalEffect.value - p.firstOrder.value).toFixed(2)
          : '–',
      ),
    ]),
  });
}

function pointsTable(summary: SweepSummary, points: readonly SweepPoint[]): string {
  const shown = points.slice(0, POINTS_SHOWN);
  const table = htmlTable({
    head: [
      'Point',
      ...summary.parameters.map((p) => `<code>${esc(p.path)}</code>`),
      ...summary.outcomes.map((o) => `${esc(o.label)}: median (5th to 95th pct.)`),
    ],
    rows: shown.map((p) => [
      String(p.index),
      ...p.values.map((v) => esc(formatNumber(v))),
      ...summary.outcomes.map((o) => {
        const f = p.outcomes[o.key]!;
        return esc(
          `${formatValue(f.median, o.unit)} (${formatValue(f.p5, o.unit)} to ${formatValue(f.p95, o.unit)})`,
        );
      }),
    ]),
  });
  const more = points.length - shown.length;
  return `${table}${more > 0 ? `<p class="note">…and ${more} more points in sweep.csv.</p>` : ''}`;
}

/**
 * The page. `charts` holds one SVG (or null) per key outcome of a Sobol' design, in the summary's order.
 * @example sweepReportHtml({ summary, points, manifest, charts: [] }).includes('Sobol') // true for sobol
 */
export function sweepReportHtml({
  summary,
  points,
  manifest,
  charts,
}: {
  summary: SweepSummary;
  points: readonly SweepPoint[];
  manifest: SweepManifest;
  charts: readonly (string | null)[];
}): string {
  const title = `Sweep: ${summary.scenario.title}`;
  const meta = [
    `Method ${summary.method}`,
    `${summary.points} points × ${summary.runsPerPoint} paired runs (seed ${summary.seed})`,
    `${summary.completed} runs completed${summary.errored > 0 ? `, ${summary.errored} errored` : ''}`,
  ];
  const parameters = htmlTable({
    head: ['Parameter', 'Values', 'Source'],
    rows: summary.parameters.map((p) => [
      `<code>${esc(p.path)}</code>`,
      esc(
        p.values !== null
          ? p.values.map(formatNumber).join(', ')
          : `${formatNumber(p.low)} to ${formatNumber(p.high)}${p.integer ? ' (whole values)' : ''}`,
      ),
      esc(p.source),
    ]),
    className: 'swept',
  });
  const sobol = summary.sobol;
  const body =
    sobol === null
      ? `<h2 id="points">Points</h2>
<p class="desc">Each point’s key outcomes over its ${summary.runsPerPoint} runs (the same seeds at every point).</p>
${pointsTable(summary, points)}`
      : `<h2 id="sobol">Sobol’ indices</h2>
<p class="desc">The share of the variance of each outcome’s point means (over ${summary.runsPerPoint} paired runs per point) that a parameter causes alone (first order) and alone or through its interactions with the others (total), with ${Math.round(sobol.level * 100)}% bootstrap intervals over the ${sobol.n} design rows (${sobol.resamples} resamples). ${esc(sobol.estimators)}. Run-to-run noise left in the point means raises the totals and keeps the first orders from summing to 1; with few rows the intervals are wide.</p>
${sobol.outcomes
  .map(
    (o, k) => `<h3>${esc(o.outcome.label)}</h3>
<p class="desc">${esc(o.outcome.description)} Variance of the point means: ${esc(formatNumber(o.variance))} (${o.rows} of ${sobol.n} rows usable).</p>
${sobolTable(o)}
${charts[k] ? `<figure>${charts[k]}</figure>` : ''}`,
  )
  .join('\n')}`;
  const manifestTable = htmlTable({
    head: ['Field', 'Value'],
    rows: [
      ['Model', `${manifest.model} (${manifest.modelExport})`],
      ['Rule pack', manifest.rulePack ?? '–'],
      ['Scenario', `${manifest.scenario} (sha256 ${manifest.scenarioHash})`],
      ['Seed', String(manifest.seed)],
      ['Runs', `${manifest.runs} (${manifest.completed} completed, ${manifest.errored} errored)`],
      ['Status', manifest.status],
      ['Workers', String(manifest.workers)],
      ['Wall time', `${(manifest.wallTimeMs / 1000).toFixed(1)} s`],
      ['Version', `${manifest.package} ${manifest.version}, Node.js ${manifest.node}`],
      ['Started', manifest.startedAt],
    ].map(([k, v]) => [esc(k!), `<code>${esc(v!)}</code>`]),
  });
  return `${htmlHead(title, REPORT_CSS + EXTRA_CSS)}
<body>
<main>
<h1>${esc(title)}</h1>
<p class="meta">${meta.map(esc).join(' · ')}</p>
${summary.scenario.description ? `<p class="desc">${esc(summary.scenario.description)}</p>` : ''}
<h2 id="parameters">What was swept</h2>
<p class="desc">Every other parameter as the scenario sets it.</p>
${parameters}
${body}
<h2 id="manifest">Run manifest</h2>
${manifestTable}
<footer>Tensormarket sweep report.</footer>
</main>
</body>
</html>
`;
}
