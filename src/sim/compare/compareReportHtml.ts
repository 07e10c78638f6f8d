/**
 * The comparison report: one self-contained HTML page (no scripts, no network) that opens with the
 * comparison in plain words, the key outcomes side by side, the variants' paths over time (branches
 * from the fork point when the futures were forked), one table per outcome and event with every
 * variant and its paired difference from the baseline, and links to each variant's own report.
 */
import { escapeHtml as esc } from '../report/escapeHtml.ts';
import { formatValue } from '../report/formatValue.ts';
import { htmlHead } from '../report/htmlHead.ts';
import { REPORT_CSS } from '../report/reportHtml.ts';
import { type Comparison, describeDifference, keyOutcomes } from './compareVariants.ts';

const EXTRA_CSS = `
td.better { color: #1a7f37; } td.worse { color: #b42318; }
table.compare td, table.compare th { text-align: right; } table.compare td:first-child, table.compare th:first-child { text-align: left; }
`;

/** Class for a difference cell where higher is better: its interval excludes zero on one side. */
function verdictClass(low: number, high: number): string {
  if (!Number.isFinite(low)) return '';
  return low > 0 ? ' class="better"' : high < 0 ? ' class="worse"' : '';
}

/** The comparison as HTML. */
export function compareReportHtml(c: Comparison, charts: readonly string[] = []): string {
  const base = c.variants[0]!;
  const variantList = c.variants
    .map(
      (v) =>
        `<li><strong>${esc(v.title)}</strong>${v.description === '' ? '' : `: ${esc(v.description)}`} (${v.completed} runs${v.errored > 0 ? `, ${v.errored} errored` : ''}; <a href="${esc(v.folder)}/report.html">its report</a>)</li>`,
    )
    .join('\n');
  const outcomeTables = c.outcomes
    .map((o) => {
      const rows = o.variants
        .map((f, k) => {
          const d = f.difference;
          const diff =
            d === null
              ? '<td>baseline</td>'
              : `<td${verdictClass(d.low, d.high)}>${esc(describeDifference(d, o.unit))}</td>`;
          return `<tr><td>${esc(c.variants[k]!.title)}</td><td>${esc(formatValue(f.median, o.unit))}</td><td>${esc(formatValue(f.mean, o.unit))}</td><td>${esc(formatValue(f.p5, o.unit))} to ${esc(formatValue(f.p95, o.unit))}</td>${diff}</tr>`;
        })
        .join('\n');
      return `<h3>${esc(o.label)}</h3>
<p class="desc">${esc(o.description)}</p>
<table class="compare"><thead><tr><th>variant</th><th>median</th><th>mean</th><th>90% of runs</th><th>mean paired difference vs ${esc(base.title)}</th></tr></thead>
<tbody>${rows}</tbody></table>`;
    })
    .join('\n');
  const eventRows = c.events
    .map((e) =>
      e.variants
        .map((f, k) => {
          const d = f.difference;
          const diff = d === null ? '<td>baseline</td>' : `<td>${esc(describeDifference(d, 'share'))}</td>`;
          return `<tr><td>${k === 0 ? esc(e.label) : ''}</td><td>${esc(c.variants[k]!.title)}</td><td>${esc(formatValue(f.probability, 'share'))} (${esc(formatValue(f.low, 'share'))} to ${esc(formatValue(f.high, 'share'))})</td>${diff}</tr>`;
        })
        .join('\n'),
    )
    .join('\n');
  const keys = keyOutcomes(c.outcomes);
  const keyTable = `<table class="compare"><thead><tr><th>variant</th>${keys.map(({ o }) => `<th>${esc(o.label)}<br><span class="desc">median; paired difference</span></th>`).join('')}</tr></thead>
<tbody>${c.variants
    .map(
      (v, k) =>
        `<tr><td>${esc(v.title)}</td>${keys
          .map(({ o, better }) => {
            const f = o.variants[k]!;
            const d = f.difference;
            const cls =
              d === null ? '' : better > 0 ? verdictClass(d.low, d.high) : verdictClass(-d.high, -d.low);
            return `<td${cls}>${esc(formatValue(f.median, o.unit))}<br>${d === null ? 'baseline' : esc(describeDifference(d, o.unit))}</td>`;
          })
          .join('')}</tr>`,
    )
    .join('\n')}</tbody></table>`;
  const title = `${c.scenario.title}: variants compared`;
  return `${htmlHead(title, REPORT_CSS + EXTRA_CSS)}
<body>
<main>
<h1>${esc(title)}</h1>
<section class="headline">${c.headline.map((l) => `<p>${esc(l)}</p>`).join('\n')}</section>
${c.scenario.description === '' ? '' : `<p class="desc">${esc(c.scenario.description)}</p>`}
<h2 id="key">Key outcomes</h2>
<p class="desc">Green: clearly better than the baseline (the 95% interval of the paired difference excludes zero); red: clearly worse.</p>
${keyTable}
${
  charts.length === 0
    ? ''
    : `<h2 id="over-time">Over time</h2>\n<p class="desc">${c.forkDay === null ? 'Each variant’s median and middle half of runs.' : `The branches from the fork point (day ${c.forkDay}): before it every variant follows ${esc(base.title)}.`}</p>\n${charts.map((svg) => `<figure>${svg}</figure>`).join('\n')}`
}
<h2 id="variants">Variants</h2>
<p class="desc">Every variant ran the same futures: run i of each saw the same random streams (same master seed), so the differences below are paired run by run. An interval that excludes zero is coloured.</p>
<ul>${variantList}</ul>
<h2 id="outcomes">Outcomes side by side</h2>
${outcomeTables}
<h2 id="events">Events side by side</h2>
<table class="compare"><thead><tr><th>event</th><th>variant</th><th>probability (95% interval)</th><th>paired difference vs ${esc(base.title)}</th></tr></thead>
<tbody>${eventRows}</tbody></table>
<footer>Tensormarket comparison report.</footer>
</main>
</body>
</html>
`;
}
