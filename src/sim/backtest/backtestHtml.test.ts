import { describe, expect, it } from 'vitest';
import { CHART_COLORS } from '../report/chartTheme.ts';
import { RECORDED_LABEL, renderBacktestCharts } from './backtestCharts.ts';
import { backtestHtml } from './backtestHtml.ts';
import { backtestDocument } from './backtestJson.ts';
import { BACKTEST_METRIC_INFO, BACKTEST_METRICS } from './backtestMetrics.ts';
import { summarizeBacktest } from './summarizeBacktest.ts';

const DATES = Array.from({ length: 12 }, (_, d) => `2025-03-${String(d + 1).padStart(2, '0')}`);
const RUNS = 4;

/** Every metric: runs spread ±10% around a rising path; every metric but the chain buy share has a record. */
const summary = summarizeBacktest({
  dates: DATES,
  runs: RUNS,
  metrics: BACKTEST_METRICS.map((metric, m) => {
    const base = (d: number) => (m + 1) * (1 + d / 20);
    const simulated = Float64Array.from({ length: RUNS * DATES.length }, (_, i) => {
      const r = Math.floor(i / DATES.length);
      return base(i % DATES.length) * (0.9 + 0.2 * (r / (RUNS - 1)));
    });
    const recorded = DATES.map((_, d) => (metric === 'chainBuyShare' ? null : base(d) * 1.02));
    return { metric, simulated, recorded };
  }),
  windows: [{ name: 'all', from: DATES[0]!, to: DATES.at(-1)! }],
});

const document = backtestDocument({
  scenario: 'replay <2025> & co',
  from: DATES[0]!,
  to: DATES.at(-1)!,
  runs: RUNS,
  seed: 42,
  dataFiles: [{ name: 'alpha_prices_daily_2025H1.csv', sha256: 'b'.repeat(64), rows: 12_757 }],
  summary,
  facts: [
    {
      name: 'Top-10 share',
      description: 'The ten highest prices hold most of the sum.',
      recorded: 0.57,
      unit: 'share',
      date: '2025-02-20',
      source: 'alpha_prices_daily_2025H1.csv',
      simulated: null,
      note: 'Not simulated <yet>.',
    },
  ],
});

describe('backtest page', async () => {
  // Rendered once while the suite is collected; every test reads the same page.
  const charts = await renderBacktestCharts(document.rows);
  const html = backtestHtml({ document, charts });
  /** The page's section of each metric, by its heading. */
  const sections = html.split('<section class="metric">').slice(1);
  const sectionOf = (label: string) => sections.find((s) => s.startsWith(`<h3>${label}</h3>`)) ?? '';

  it('draws one chart per metric, each an inline SVG', () => {
    expect(charts.map((c) => c.metric)).toEqual([...BACKTEST_METRICS]);
    expect(html.match(/<figure id="chart-backtest-/g)?.length).toBe(BACKTEST_METRICS.length);
    for (const metric of BACKTEST_METRICS) {
      expect(sectionOf(BACKTEST_METRIC_INFO[metric].label)).toMatch(/<figure id="chart-backtest-[^"]+"><svg/);
    }
  });

  it('draws the recorded path over the fan as its own line with a legend, and says where there is none', () => {
    for (const metric of BACKTEST_METRICS) {
      const section = sectionOf(BACKTEST_METRIC_INFO[metric].label);
      // A path through every date (11 segments), not the legend's short stroke.
      const line = new RegExp(
        `<path[^>]* d="M(?:[^"L]*L){${DATES.length - 1}}[^"]*"[^>]*stroke="${CHART_COLORS.marker}"`,
      );
      const legend = `>${RECORDED_LABEL}</text>`;
      if (metric === 'chainBuyShare') {
        expect(section).not.toMatch(line);
        expect(section).not.toContain(legend);
        expect(section).toContain('No recorded series for this metric');
      } else {
        expect({ metric, line: line.test(section), legend: section.includes(legend) }).toEqual({
          metric,
          line: true,
          legend: true,
        });
      }
    }
  });

  it('shows the settings, the error figures and the facts, escaped, with nothing loaded from elsewhere', () => {
    expect(html).toContain('<title>Backtest: replay &lt;2025&gt; &amp; co</title>');
    expect(html).toContain('Not simulated &lt;yet&gt;.');
    expect(html).toContain(`<code>${'b'.repeat(64)}</code>`);
    // One row of figures per metric and window, each naming the metric.
    const figures = html.slice(html.indexOf('id="errors"'), html.indexOf('id="facts"'));
    for (const metric of BACKTEST_METRICS)
      expect(figures).toContain(`<td>${BACKTEST_METRIC_INFO[metric].label}</td>`);
    expect(html).not.toMatch(/<script|<link|<img|src="|href="http/);
  });
});
