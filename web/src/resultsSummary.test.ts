import { describe, expect, it } from 'vitest';
import { readComparison, readManifest, readSummary } from './resultsSummary.ts';

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
    expect(readSummary(null)).toEqual({ scenario: undefined, headline: [], series: [], outcomes: [] });
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
      variants: [
        { name: 'a', title: 'A', folder: 'fa' },
        { name: 'b', title: 'b', folder: 'b' },
      ],
    });
    expect(readComparison([])).toBeUndefined();
  });
});
