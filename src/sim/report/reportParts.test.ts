import { describe, expect, it } from 'vitest';
import { attributionBars } from './attributionChartSpec.ts';
import { chartFileName } from './chartFileName.ts';
import { escapeHtml } from './escapeHtml.ts';
import { histogramBars } from './histogramSpec.ts';
import { formatDuration, manifestRows } from './manifestRows.ts';
import { quantileAt } from './quantileAt.ts';
import { scopeSvgIds } from './scopeSvgIds.ts';

describe('report parts', () => {
  it('escapes HTML', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });

  it('makes safe, unique chart file names', () => {
    const taken = new Set<string>();
    expect(chartFileName({ kind: 'series', key: 'taoPriceUsd', taken })).toBe('series-taoPriceUsd');
    expect(chartFileName({ kind: 'series', key: 'TAOPRICEUSD', taken })).toBe('series-TAOPRICEUSD-2');
    expect(chartFileName({ kind: 'outcome', key: '../../etc/passwd', taken })).toBe('outcome-etc-passwd');
    expect(chartFileName({ kind: 'outcome', key: '<>', taken })).toBe('outcome-chart');
  });

  it('scopes SVG ids and their references', () => {
    const svg = '<clipPath id="clip1"/><g clip-path="url(#clip1)"/><use href="#clip1"/>';
    expect(scopeSvgIds(svg, 'a')).toBe(
      '<clipPath id="a-clip1"/><g clip-path="url(#a-clip1)"/><use href="#a-clip1"/>',
    );
  });

  it('reads quantiles by level whatever the key style', () => {
    expect(quantileAt({ p5: 1, p50: 2, p95: 3 }, 95)).toBe(3);
    expect(quantileAt({ '0.05': 1 }, 5)).toBe(1);
    expect(quantileAt({}, 5)).toBeNaN();
  });

  it('widens the single bin of equal values and drops bins it cannot place', () => {
    expect(histogramBars({ edges: [5, 5], counts: [1] })).toEqual([{ x0: 4.95, x1: 5.05, count: 1 }]);
    expect(histogramBars({ edges: [0, 0], counts: [3] })).toEqual([{ x0: -0.5, x1: 0.5, count: 3 }]);
    expect(histogramBars({ edges: [0, 1, Number.NaN], counts: [2, 3] })).toEqual([
      { x0: 0, x1: 1, count: 2 },
    ]);
    expect(histogramBars({ edges: [], counts: [] })).toEqual([]);
  });

  it('stacks positive parts right of zero and negative parts left, each side in declared order', () => {
    const part = (label: string, mean: number) => ({ key: label, label, mean, median: mean, medianAbs: 0 });
    const bars = attributionBars([
      part('up', 0.25),
      part('down', -0.5),
      part('gone', Number.NaN),
      part('up', 0.125),
      part('down again', -0.25),
    ]);
    expect(bars.map((b) => [b.index, b.part, b.x0, b.x1])).toEqual([
      [0, 'up', 0, 0.25],
      [1, 'down', -0.5, 0],
      [3, 'up (2)', 0.25, 0.375],
      [4, 'down again', -0.75, -0.5],
    ]);
  });

  it('lists known manifest fields first, then the rest', () => {
    const rows = manifestRows({
      manifest: {
        extraField: { a: 1n },
        seed: 42,
        wallTimeMs: 1500,
        version: '0.1.0',
        rulePack: null,
        files: ['a', 'b'],
      },
      scenarioName: 'base',
    });
    expect(rows).toEqual([
      { label: 'Scenario', value: 'base' },
      { label: 'Seed', value: '42' },
      { label: 'Rule pack', value: 'none' },
      { label: 'Version', value: '0.1.0' },
      { label: 'Wall time', value: '1.5 s' },
      { label: 'Files', value: 'a, b' },
      { label: 'Extra field', value: '{"a":"1"}' },
    ]);
    expect(formatDuration(850)).toBe('850 ms');
    expect(formatDuration(245_000)).toBe('4 min 05 s');
    expect(formatDuration(7_380_000)).toBe('2 h 3 min');
  });
});
