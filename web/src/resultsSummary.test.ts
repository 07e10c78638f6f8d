import { describe, expect, it } from 'vitest';
import { readBacktest, readComparison, readManifest, readSummary } from './resultsSummary.ts';

describe('readSummary', () => {
  it('reads series, outcomes and headline, with labels from the shape', () => {
    const summary = readSummary({
      scenario: { name: 'n', title: 'T' },
      headline: ['a', 3, 'b'],
      shape: { series: [{ key: 's', label: 'Series S', unit: 'USD' }], outcomes: [{ key: 'o', label: 'O' }] },
      series: [
        {
          key: 's',
          days: [0, 7],
          levels: [0.25, 0.5, 0.75],
          bands: [
            [1, 2],
            [2, 'x'],
            [3, 4],
          ],
          mean: [2, 3],
        },
      ],
      outcomes: [
        {
          key: 'o',
          median: 2,
          quantiles: { p5: 1, p95: 'no' },
          histogram: { edges: [0, 1, 2], counts: [3, 4] },
        },
      ],
    });
    expect(summary.scenario).toBe('T');
    expect(summary.headline).toEqual(['a', 'b']);
    expect(summary.series).toEqual([
      {
        key: 's',
        label: 'Series S',
        unit: 'USD',
        description: undefined,
        days: [0, 7],
        levels: [0.25, 0.5, 0.75],
        bands: [
          [1, 2],
          [2, null],
          [3, 4],
        ],
        mean: [2, 3],
      },
    ]);
    expect(summary.outcomes).toEqual([
      {
        key: 'o',
        label: 'O',
        unit: undefined,
        count: undefined,
        median: 2,
        quantiles: [['p5', 1]],
        histogram: { edges: [0, 1, 2], counts: [3, 4] },
      },
    ]);
  });

  it('shows what it cannot read as absent instead of failing', () => {
    expect(readSummary(null)).toEqual({
      scenario: undefined,
      headline: [],
      series: [],
      outcomes: [],
      tables: [],
    });
    const summary = readSummary({
      headline: 'one line',
      series: [
        { key: 's', days: [0, 'x'] },
        { days: [0] },
        { key: 't', days: [0, 1], levels: [0.5, 0.9], bands: [[1, 2], [1]] },
      ],
      outcomes: [{ key: 'o', histogram: { edges: [0, 1], counts: [1, 2] } }, 'junk'],
    });
    expect(summary.headline).toEqual(['one line']);
    // Only the band with a value for each day is kept, with its level; a short mean is dropped.
    expect(summary.series.map((s) => [s.key, s.levels, s.bands, s.mean])).toEqual([
      ['t', [0.5], [[1, 2]], undefined],
    ]);
    expect(summary.outcomes.map((o) => [o.key, o.label, o.histogram, o.quantiles])).toEqual([
      ['o', 'o', undefined, []],
    ]);
  });
});

describe('holder classes and attribution', () => {
  it('are tables of whatever numeric keys their rows have', () => {
    const { tables } = readSummary({
      holderClasses: [
        { key: 'u', label: 'Unstaked', median: 0.1, p5: -0.5 },
        { key: 'r', median: 0.2, extra: 3 },
        7,
      ],
      attribution: { of: 'u', label: 'Log return', parts: [{ key: 'd', label: 'Demand', mean: 0.02 }] },
    });
    expect(tables).toEqual([
      {
        title: 'Holder classes: return over the horizon',
        columns: ['median', 'p5', 'extra'],
        rows: [
          { label: 'Unstaked', values: [0.1, -0.5, undefined] },
          { label: 'r', values: [0.2, undefined, 3] },
        ],
      },
      { title: 'Attribution: Log return', columns: ['mean'], rows: [{ label: 'Demand', values: [0.02] }] },
    ]);
  });
});

describe('readManifest and readComparison', () => {
  it('keep plain facts and the variants with their folders', () => {
    expect(readManifest({ runs: 4, status: 'complete', ok: true, files: ['a'], nan: Number.NaN })).toEqual([
      ['runs', '4'],
      ['status', 'complete'],
      ['ok', 'true'],
    ]);
    expect(
      readComparison({
        scenario: { title: 'C' },
        headline: ['h'],
        variants: [{ name: 'a', title: 'A', folder: 'fa' }, { name: 'b' }, { title: 'no name' }],
      }),
    ).toEqual({
      scenario: 'C',
      headline: ['h'],
      outcomes: [],
      variants: [
        { name: 'a', title: 'A', folder: 'fa' },
        { name: 'b', title: 'b', folder: 'b' },
      ],
    });
    expect(readComparison([])).toBeUndefined();
    const compared = readComparison({
      variants: [{ name: 'a' }, { name: 'b' }],
      outcomes: [
        {
          key: 'o',
          label: 'O',
          variants: [
            { median: 1, difference: null },
            { median: 2, difference: { mean: 0.5, low: 0.25, high: 'x' } },
          ],
        },
        { label: 'no key' },
      ],
    });
    expect(compared?.outcomes).toEqual([
      {
        key: 'o',
        label: 'O',
        cells: [
          { median: 1, difference: undefined },
          { median: 2, difference: { mean: 0.5, low: 0.25, high: undefined } },
        ],
      },
    ]);
  });
});

describe('readBacktest', () => {
  it('makes one fan per metric over the days since the first date, with the recorded path', () => {
    const summary = readBacktest({
      scenario: 'replay',
      metrics: { a: { unit: 'TAO', description: 'A.' } },
      rows: [
        { date: '2025-02-20', metric: 'a', p5: 1, p50: 2, p95: 3, recorded: 2.5 },
        { date: '2025-02-20', metric: 'b', p50: 7, recorded: null },
        { date: '2025-02-22', metric: 'a', p95: 4, p5: 'x', p50: 3, recorded: 3.5 },
      ],
      errors: [
        { metric: 'a', window: 'all', coverage: 0.5, dates: 2, mdape: 0.125 },
        { metric: 'a', window: 'in-sample', coverage: 1, dates: 2, mdape: 0 },
      ],
    });
    expect(summary.scenario).toBe('replay 2025-02-20 to 2025-02-22');
    expect(summary.headline).toEqual([
      'a: recorded inside p5–p95 on 50% of 2 dates; median error of p50 12.5%.',
    ]);
    expect(summary.series.map((s) => [s.key, s.unit, s.days, s.levels, s.bands, s.recorded])).toEqual([
      [
        'a',
        'TAO',
        [0, 2],
        [0.05, 0.5, 0.95],
        [
          [1, null],
          [2, 3],
          [3, 4],
        ],
        [2.5, 3.5],
      ],
      ['b', undefined, [0, 2], [0.5], [[7, null]], [null, null]],
    ]);
    expect(readBacktest('nonsense')).toEqual({
      scenario: 'backtest',
      headline: [],
      series: [],
      outcomes: [],
      tables: [],
    });
  });
});
