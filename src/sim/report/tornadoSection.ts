/**
 * The report's sensitivity section, on the first screen after the answer: the tornado of the largest
 * effects, the sentence that says how the screen was run, and its figures in a table that opens on
 * demand.
 */
import type { SensitivityScreen } from '../sensitivity/sensitivityScreen.ts';
import { escapeHtml as esc } from './escapeHtml.ts';
import { formatCount, formatNumber, formatPercent, formatValue } from './formatValue.ts';
import type { ReportChart } from './reportHtml.ts';
import { screenSentence } from './sensitivityLines.ts';

function figuresTable(screen: SensitivityScreen): string {
  const unit = screen.outcome.unit;
  const v = (x: number) => esc(formatValue(x, unit));
  const p = (x: number) => esc(formatPercent(x));
  const head = [
    'Rank',
    'Parameter',
    'Range',
    'Median at low',
    'Median at high',
    'P(loss) at low',
    'P(loss) at high',
  ];
  const rows = screen.parameters
    .slice(0, screen.top)
    .map((e) => [
      esc(String(e.rank)),
      `<code>${esc(e.parameter)}</code><div class="small">${esc(e.source)}</div>`,
      `${esc(formatNumber(e.low))} … ${esc(formatNumber(e.high))}`,
      v(e.atLow.median),
      v(e.atHigh.median),
      p(e.atLow.probLoss),
      p(e.atHigh.probLoss),
    ]);
  const thead = `<thead><tr>${head.map((h) => `<th scope="col">${h}</th>`).join('')}</tr></thead>`;
  const tbody = `<tbody>${rows.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('')}</tbody>`;
  return `<details><summary>Figures of the ${esc(formatCount(rows.length))} parameters shown (baseline: median ${v(screen.baseline.median)}, P(loss) ${p(screen.baseline.probLoss)})</summary><div class="table-wrap"><table>${thead}${tbody}</table></div></details>`;
}

/**
 * The section's HTML, or an empty string without a screen. Every text from the screen is escaped.
 * @example tornadoSection(summary.sensitivity, charts.tornado ?? null)
 */
export function tornadoSection(screen: SensitivityScreen | undefined, chart: ReportChart | null): string {
  if (screen === undefined) return '';
  const figure =
    chart === null
      ? '<p class="note">No finite values to draw.</p>'
      : 'error' in chart
        ? `<p class="note">This chart could not be drawn: ${esc(chart.error)}</p>`
        : `<figure id="chart-${esc(chart.name)}">${chart.svg}</figure>`;
  const shown = Math.min(screen.top, screen.parameters.length);
  return `<section class="sensitivity" aria-labelledby="sensitivity">
<h2 id="sensitivity" style="margin-top: 28px">What moves the answer</h2>
<p class="desc">${esc(screenSentence(screen))} The ${esc(formatCount(shown))} largest effects are shown; sensitivity.csv lists every parameter with its range and source. With ${esc(formatCount(screen.runs))} runs per variation this ranks which assumptions matter most; it does not estimate their effects precisely.</p>
${figure}
${figuresTable(screen)}
</section>`;
}
