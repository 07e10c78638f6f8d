import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { OutcomeStats, SeriesBands, Summary } from '../collect/summary.ts';
import { BAND_LEVELS } from '../collect/summary.ts';
import type { Manifest } from '../runner/manifest.ts';
import { formatPercent, formatValue, formatSigned as signed } from './formatValue.ts';
import { outcomeStatsOf, syntheticSummary } from './syntheticSummary.ts';
import { writeReport } from './writeReport.ts';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
/** Test data: a manifest of the runner's type, so a change to that contract shows up here. */
const MANIFEST: Manifest = {
  package: 'tensormarket',
  version: '0.1.0',
  model: 'synthetic',
  modelExport: 'test#synthetic',
  rulePack: 'price-2026-06',
  scenario: 'synthetic-baseline',
  scenarioHash: 'ab12cd34',
  seed: 42,
  runs: 1000,
  completed: 998,
  errored: 2,
  status: 'complete',
  workers: 4,
  wallTimeMs: 93_400,
  node: 'v20.0.0',
  startedAt: '2026-01-01T00:00:00.000Z',
  files: ['runs.csv', 'summary.json', 'manifest.json', 'scenario.json'],
};

const dirs: string[] = [];
async function render(summary: Summary, manifest: object = MANIFEST) {
  const outDir = await mkdtemp(join(tmpdir(), 'tm-report-'));
  dirs.push(outDir);
  const paths = await writeReport({ summary, manifest, outDir });
  const html = await readFile(join(outDir, 'report.html'), 'utf8');
  return { outDir, paths, html };
}
afterAll(async () => {
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
});

/** Text of the page without tags, to check reading order. */
const bodyText = (html: string) =>
  html
    .slice(html.indexOf('<body>'))
    .replace(/<svg[\s\S]*?<\/svg>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ');

/** Test data: one series band at the usual levels from per-level arrays. */
const bands = (key: string, days: number[], column: (level: number) => number[]): SeriesBands => ({
  key,
  days,
  levels: [...BAND_LEVELS],
  bands: BAND_LEVELS.map(column),
  mean: column(0.5),
});

/** Test data: a summary full of edge cases (NaN, infinities, empty, single record, equal, huge, negative). */
function edgeSummary(): Summary {
  const base = syntheticSummary();
  const nanStats: OutcomeStats = {
    ...outcomeStatsOf('allNaN', [1]),
    mean: Number.NaN,
    median: Number.NaN,
    stdev: Number.NaN,
    skewness: Number.NaN,
    kurtosis: Number.POSITIVE_INFINITY,
    min: Number.NEGATIVE_INFINITY,
    max: Number.POSITIVE_INFINITY,
    quantiles: { p5: Number.NaN, p50: Number.NaN, p95: Number.NaN },
    probNegative: Number.NaN,
    top10Share: Number.NaN,
    top1Share: Number.NaN,
    histogram: { edges: [Number.NaN, Number.NaN], counts: [1] },
  };
  return {
    ...base,
    scenario: { name: 'edge', title: 'Edge cases', description: '' },
    runs: { requested: 1, completed: 1, errored: 0 },
    errors: [],
    shape: {
      ...base.shape,
      series: [
        { key: 'empty', label: 'Empty', unit: 'TAO', description: 'No records.' },
        { key: 'nan', label: 'All NaN', unit: 'USD', description: '' },
        { key: 'single', label: 'Single record', unit: 'USD', description: '' },
        { key: 'flat', label: 'Flat', unit: 'ratio', description: '' },
        { key: 'huge', label: 'Huge and negative', unit: 'USD', description: '' },
        { key: 'extreme', label: 'Near the float limit', unit: 'TAO', description: '' },
      ],
    },
    series: [
      { key: 'empty', days: [], levels: [...BAND_LEVELS], bands: [], mean: [] },
      bands('nan', [0, 1, 2], () => [Number.NaN, Number.POSITIVE_INFINITY, Number.NaN]),
      bands('single', [0], (level) => [100 * level]),
      bands('flat', [0, 1, 2, 3], () => [7, 7, 7, 7]),
      bands('huge', [0, 1, 2], (level) => [-1e12, 1e20 * level, 1e30 * level]),
      bands('extreme', [0, 1], (level) => [-Number.MAX_VALUE * level, Number.MAX_VALUE * level]),
      // Not described by the shape: labelled by its key.
      bands('undescribed', [0, 1, Number.NaN], () => [1, 2, 3]),
    ],
    outcomes: [
      outcomeStatsOf('singleRun', [5]),
      outcomeStatsOf('allEqual', [0, 0, 0, 0]),
      outcomeStatsOf('hugeNegative', [-1e30, -5e29, 1e12, 3e30]),
      nanStats,
      { ...outcomeStatsOf('noHistogram', [1, 2]), histogram: { edges: [], counts: [] } },
    ],
    events: [
      { key: 'nanEvent', probability: Number.NaN, low: Number.NaN, high: Number.NaN, count: 0 },
      { key: 'sure', probability: 1, low: 0.2, high: 1, count: 1 },
    ],
    holderClasses: [
      { ...base.holderClasses![0]!, median: Number.NaN, p5: Number.NaN, probNegative: Number.NaN },
    ],
    // A part without a mean, a tiny and a huge one, and no total: the bar draws what it can.
    attribution: {
      ...base.attribution!,
      count: 1,
      skipped: 3,
      parts: [
        { key: 'p1', label: 'No mean', mean: Number.NaN, median: Number.NaN, medianAbs: Number.NaN },
        { key: 'p2', label: 'Tiny', mean: 1e-300, median: 1e-300, medianAbs: 1e-300 },
        { key: 'p3', label: 'Huge', mean: -1e300, median: -1e300, medianAbs: 1e300 },
      ],
      total: { mean: Number.NaN, median: Number.NaN, medianAbs: Number.NaN },
      maxResidual: Number.NaN,
      lastPartShare: Number.NaN,
    },
    headline: ['One run only.'],
  };
}

describe('writeReport', () => {
  it('writes a page that opens with the headline, then key figures, charts, tables and the manifest', async () => {
    const summary = syntheticSummary();
    const { html, paths, outDir } = await render(summary);
    expect(paths[0]).toBe(join(outDir, 'report.html'));
    const text = bodyText(html);
    const order = [
      '<h1>',
      summary.headline[0]!,
      summary.headline[2]!,
      ...['key-figures', 'over-time', 'outcomes', 'events', 'errors', 'manifest'].map(
        (id) => `<h2 id="${id}">`,
      ),
    ].map((s) => html.indexOf(s));
    expect(order.filter((i) => !(i >= 0))).toEqual([]);
    expect(order).toEqual([...order].sort((a, b) => a - b));
    // Nothing but the title comes before the answer.
    expect(text.indexOf(summary.headline[0]!)).toBeLessThan(summary.scenario.title.length + 10);
    expect(html).toContain('<title>Synthetic baseline: does a subnet token pay its holders back?</title>');
  });

  it('answers per holder class and draws the attribution right after the headline', async () => {
    const summary = syntheticSummary();
    const { html } = await render(summary);
    const text = bodyText(html);
    const at = (s: string) => html.indexOf(s);
    expect(at(summary.headline.at(-1)!)).toBeLessThan(
      at('<h2 id="holder-returns">Returns by holder class</h2>'),
    );
    expect(at('<h2 id="holder-returns">')).toBeLessThan(at('<h3 id="attribution">'));
    expect(at('<h3 id="attribution">')).toBeLessThan(at('<figure id="chart-attribution-holderReturn">'));
    expect(at('<figure id="chart-attribution-holderReturn">')).toBeLessThan(at('<h2 id="key-figures">'));
    // One row per class: median, P(loss), 5th–95th percentile, as the summary has them.
    const [unstaked, root] = summary.holderClasses!;
    expect(text).toContain('Holder Median return P(loss) 5th–95th percentile');
    for (const h of [unstaked!, root!]) {
      expect(text).toContain(
        `${h.label} ${formatValue(h.median, 'return')} ${formatPercent(h.probNegative)} ${formatValue(h.p5, 'return')} – ${formatValue(h.p95, 'return')}`,
      );
    }
    // Beside the bar: each part's mean and median, then the total.
    const a = summary.attribution!;
    for (const p of a.parts) expect(text).toContain(`${p.label} ${signed(p.mean)} ${signed(p.median)}`);
    expect(text).toContain(`Total, ln(1 + return) ${signed(a.total.mean)} ${signed(a.total.median)}`);
    expect(text).toContain('means add up exactly to the mean log return');
    expect(text).toContain(`the last part, Other, is typically ${formatPercent(a.lastPartShare)}`);
    const svg = html.slice(at('<figure id="chart-attribution-holderReturn">'), at('</figure>'));
    for (const p of a.parts) expect(svg).toContain(p.label);
  });

  it('has no holder section when the model declares neither holder classes nor an attribution', async () => {
    const { holderClasses: _h, attribution: _a, ...plain } = syntheticSummary();
    const { html, paths } = await render(plain);
    expect(html).not.toContain('Returns by holder class');
    expect(html).not.toContain('id="attribution"');
    expect(paths.some((p) => p.includes('attribution-'))).toBe(false);
  });

  it('embeds one inline SVG per chart and writes each chart as SVG and PNG', async () => {
    const summary = syntheticSummary();
    const { html, paths } = await render(summary);
    const charts = summary.series.length + summary.outcomes.length + 2;
    expect(html.match(/<svg[\s>]/g)).toHaveLength(charts);
    const svgs = paths.filter((p) => p.endsWith('.svg'));
    const pngs = paths.filter((p) => p.endsWith('.png'));
    expect(svgs).toHaveLength(charts);
    expect(pngs).toHaveLength(charts);
    for (const svgPath of svgs) {
      // The file is the very SVG the page embeds.
      expect(html).toContain(await readFile(svgPath, 'utf8'));
    }
    for (const pngPath of pngs) {
      const png = await readFile(pngPath);
      expect(png.subarray(0, 8)).toEqual(PNG_SIGNATURE);
      expect((await stat(pngPath)).size).toBeGreaterThan(5_000);
    }
    for (const name of ['series-taoPriceUsd', 'attribution-holderReturn'])
      expect(
        paths.some((p) => p.endsWith(join('charts', `${name}.png`))),
        `no charts/${name}.png among ${paths.join(', ')}`,
      ).toBe(true);
  });

  it('needs nothing from the network: no external URL, no script', async () => {
    const { html } = await render(syntheticSummary());
    expect(html).not.toMatch(/\b(?:src|href)\s*=\s*["']?\s*(?:https?:)?\/\//i);
    expect(html).not.toMatch(/url\(\s*["']?\s*(?:https?:)?\/\//i);
    expect(html).not.toMatch(/@import/i);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<link/i);
  });

  it('keeps chart ids unique across the page', async () => {
    const { html } = await render(syntheticSummary());
    const ids = [...html.matchAll(/\bid="([^"]+)"/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('shows every outcome statistic in its unit, events with their intervals, errors and the manifest', async () => {
    const { html } = await render(syntheticSummary());
    const text = bodyText(html);
    expect(text).toMatch(/Owner take \$[\d.,]+K?/);
    expect(text).toMatch(/Holder return -?[\d.]+% -[\d.]+% \+[\d.]+%/);
    for (const label of [
      'Standard deviation',
      'Skewness',
      'Kurtosis',
      'Minimum',
      'Maximum',
      'Top 1% of runs hold',
    ]) {
      expect(text).toContain(label);
    }
    expect(text).toContain('99th percentile');
    expect(text).toMatch(/A top-decile subnet leaves .* 41\.3% 3\d\.\d% – 4\d\.\d% 412 /);
    expect(text).toContain('pool reserve went negative at step 812');
    for (const value of ['price-2026-06', 'ab12cd34', '1 min 33 s', 'v20.0.0']) expect(text).toContain(value);
  });

  it('escapes every text from the scenario, metrics, errors and manifest', async () => {
    const base = syntheticSummary();
    const evil = '<img src=x onerror=alert(1)>&"\'';
    const summary: Summary = {
      ...base,
      scenario: { name: evil, title: `<script>alert(1)</script>${evil}`, description: evil },
      shape: {
        ...base.shape,
        outcomes: base.shape.outcomes.map((o) => ({ ...o, label: evil, description: evil })),
      },
      headline: [evil],
      errors: [{ runIndex: 1, message: evil }],
      holderClasses: base.holderClasses!.map((h) => ({ ...h, label: evil })),
      attribution: {
        ...base.attribution!,
        label: evil,
        parts: base.attribution!.parts.map((p) => ({ ...p, label: evil })),
      },
    };
    const { html } = await render(summary, { ...MANIFEST, note: evil, [evil]: 1 });
    expect(html).not.toContain('<img');
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;&amp;&quot;&#39;');
  });

  it('renders a summary with NaN, infinities, empty series, one run, equal, huge and negative values', async () => {
    const summary = edgeSummary();
    const { html, paths } = await render(summary);
    expect(bodyText(html).indexOf('One run only.')).toBeLessThan(30);
    expect(html).toContain('No finite values to draw.');
    expect(html).not.toContain('could not be drawn');
    expect(/>\s*(?:NaN|undefined|null|Infinity)\s*</.exec(html)?.[0]).toBeUndefined();
    expect(html).toContain('n/a');
    const inline = html.match(/<svg[\s>]/g)?.length ?? 0;
    const files = paths.filter((p) => p.endsWith('.png'));
    // Empty, all-NaN series; all-NaN and empty histograms draw nothing: 18 - 4 charts.
    expect(files).toHaveLength(summary.series.length + summary.outcomes.length + 2 - 4);
    expect(inline).toBe(files.length);
    for (const p of files) expect(existsSync(p)).toBe(true);
    const svgs = await Promise.all(paths.filter((p) => p.endsWith('.svg')).map((p) => readFile(p, 'utf8')));
    for (const svg of svgs) expect(/NaN|Infinity/.exec(svg)?.[0]).toBeUndefined();
  });

  it('renders a summary read back from JSON, where NaN became null', async () => {
    const summary = JSON.parse(JSON.stringify(edgeSummary())) as Summary;
    const { html } = await render(summary);
    expect(html).toContain('n/a');
    expect(html).not.toContain('-∞</td><td>n/a');
    expect(/>\s*(?:NaN|undefined|null|Infinity)\s*</.exec(html)?.[0]).toBeUndefined();
  });

  it('draws log axes only for positive values spanning more than two decades', async () => {
    const { outDir } = await render(syntheticSummary());
    const svg = (name: string) => readFile(join(outDir, 'charts', `${name}.svg`), 'utf8');
    expect(await svg('series-cumulativeEmissionTao')).toContain('log scale');
    expect(await svg('series-taoPriceUsd')).not.toContain('log scale');
    // Equal-width bins stay linear even when the values span decades.
    expect(await svg('outcome-ownerTakeUsd')).not.toContain('log scale');
  });

  it('is deterministic: the same summary gives the same bytes', async () => {
    const a = await render(syntheticSummary());
    const b = await render(syntheticSummary());
    expect(a.html).toBe(b.html);
    const png = (dir: string) => readFile(join(dir, 'charts', 'attribution-holderReturn.png'));
    expect((await png(a.outDir)).equals(await png(b.outDir))).toBe(true);
  });
});
