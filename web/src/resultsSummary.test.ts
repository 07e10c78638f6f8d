import { describe, expect, it } from 'vitest';
import {
  holderClassesAcross,
  readBacktest,
  readBranches,
  readComparison,
  readManifest,
  readSummary,
  sharedSeries,
} from './resultsSummary.ts';

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
    expect(readComparison({ forkDay: 7 })?.forkDay).toBe(7);
    expect(readComparison({ forkDay: null })?.forkDay).toBeUndefined();
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

/** A summary with one series per `[key, days, levels, bands]`. */
const summaryWith = (...series: [string, number[], number[], unknown[][]][]) =>
  readSummary({ series: series.map(([key, days, levels, bands]) => ({ key, days, levels, bands })) });

describe('readBranches', () => {
  const comparison = readComparison({
    forkDay: 7,
    variants: [{ name: 'a' }, { name: 'b' }, { name: 'c' }],
  });
  if (comparison === undefined) throw new Error('comparison unreadable');
  const a = summaryWith(
    [
      'price',
      [0, 7],
      [0.25, 0.5, 0.75],
      [
        [1, 2],
        [2, 3],
        [3, 4],
      ],
    ],
    ['only-a', [0], [0.5], [[1]]],
    ['supply', [0, 7], [0.5], [[5, 6]]],
  );
  const b = summaryWith(
    ['supply', [0, 7], [0.5], [[5, 7]]],
    [
      'price',
      [0, 14],
      [0.05, 0.5, 0.95],
      [
        [0, 1],
        [2, 'x'],
        [9, 9],
      ],
    ],
  );

  it('lines each variant up on the days any of them has, with its middle half when it has p25 and p75', () => {
    const branches = readBranches({ comparison, summaries: [a, b, undefined], key: 'price' });
    expect(branches?.days).toEqual([0, 7, 14]);
    expect(branches?.forkDay).toBe(7);
    expect(branches?.branches.map((br) => [br.variant.name, br.median, br.middle])).toEqual([
      ['a', [2, 3, null], { low: [1, 2, null], high: [3, 4, null] }],
      ['b', [2, null, null], undefined],
    ]);
  });

  it('offers only the series every readable variant has, and falls back to the first of them', () => {
    expect(sharedSeries([a, undefined, b]).map((s) => s.key)).toEqual(['price', 'supply']);
    expect(readBranches({ comparison, summaries: [a, b], key: 'only-a' })?.key).toBe('price');
    expect(readBranches({ comparison, summaries: [a, b], key: undefined })?.key).toBe('price');
    expect(
      readBranches({ comparison, summaries: [a, b], key: 'supply' })?.branches.map((br) => br.median),
    ).toEqual([
      [5, 6],
      [5, 7],
    ]);
  });

  it('is undefined when no variant could be read or they share no series', () => {
    expect(readBranches({ comparison, summaries: [undefined, undefined], key: 'price' })).toBeUndefined();
    const other = summaryWith(['x', [0], [0.5], [[1]]]);
    expect(readBranches({ comparison, summaries: [a, other], key: undefined })).toBeUndefined();
    // A series without a median draws no branch.
    const noMedian = summaryWith(['price', [0], [0.25], [[1]]]);
    expect(readBranches({ comparison, summaries: [a, noMedian], key: 'price' })?.branches.length).toBe(1);
  });
});

describe('holderClassesAcross', () => {
  it('makes one row per class any variant has, one cell per variant', () => {
    const rows = holderClassesAcross([
      {
        holderClasses: [
          { key: 'u', label: 'Unstaked', median: 0.1, p5: -0.2, p95: 0.4, probNegative: 0.25, count: 4 },
          { key: 'r', median: 'x' },
        ],
      },
      { holderClasses: [{ key: 'r', label: 'Root', median: 0.3 }, { label: 'Only label', p95: 1 }, 5] },
    ]);
    expect(rows).toEqual([
      {
        key: 'u',
        label: 'Unstaked',
        cells: [{ median: 0.1, p5: -0.2, p95: 0.4, probNegative: 0.25 }, undefined],
      },
      {
        key: 'r',
        label: 'Root',
        cells: [
          { median: undefined, p5: undefined, p95: undefined, probNegative: undefined },
          { median: 0.3, p5: undefined, p95: undefined, probNegative: undefined },
        ],
      },
      {
        key: 'Only label',
        label: 'Only label',
        cells: [undefined, { median: undefined, p5: undefined, p95: 1, probNegative: undefined }],
      },
    ]);
  });

  it('reads malformed summaries as having no classes', () => {
    expect(holderClassesAcross([null, 'x', { holderClasses: 'no' }, []])).toEqual([]);
    expect(holderClassesAcross([undefined, { holderClasses: [{ key: 'u' }] }])[0]?.cells).toEqual([
      undefined,
      { median: undefined, p5: undefined, p95: undefined, probNegative: undefined },
    ]);
  });
});
