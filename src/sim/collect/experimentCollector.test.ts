import { describe, expect, it } from 'vitest';
import { exactQuantile } from '../../../test/support/exactQuantile.ts';
import type { RunOutput } from '../contract/types.ts';
import { testModel, testModelParamsSchema } from '../runner/testModel.testkit.ts';
import { parseScenario } from '../scenario/parseScenario.ts';
import { createExperimentCollector } from './experimentCollector.ts';
import { OUTCOME_ACCURACY, OUTCOME_QUANTILES } from './outcomeCollector.ts';
import { SERIES_ACCURACY } from './seriesCollector.ts';
import { BAND_LEVELS } from './summary.ts';

const scenario = (() => {
  const r = parseScenario({
    text: 'name: c\nhorizon: 1y\nrecordEvery: 30\nmodel:\n  subnets: 3\n',
    file: 'c.yaml',
    modelSchema: testModelParamsSchema,
  });
  if (!r.ok) throw new Error('bad fixture');
  return r.scenario;
})();
const shape = testModel.shape(scenario);
const collector = (requested: number) =>
  createExperimentCollector({ shape, scenario, requested, horizonDays: 365, daysPerStep: 1 });
const run = (runIndex: number) => testModel.run({ scenario, seed: 1, runIndex });

describe('experiment collector', () => {
  it('keeps its state flat in the number of runs (structural size, 200 vs 2,000 vs 20,000 runs)', () => {
    const sizes = [200, 2000, 20_000].map((n) => {
      const c = collector(n);
      for (let i = 0; i < n; i++) c.add({ runIndex: i, ok: true, output: run(i) });
      return c.sizeBytes();
    });
    // Per-run storage would grow 10× per step; the sketches only widen with the range of values seen.
    expect(sizes[1]! / sizes[0]!).toBeLessThan(1.5);
    expect(sizes[2]! / sizes[1]!).toBeLessThan(1.5);
    // And never past the caps: 2 × (maxBins + 64) counters per sketch, plus histograms and means.
    const cells = shape.series.length * 14;
    const cap =
      cells * (2 * (2048 + 64) * 4 + 300) + shape.outcomes.length * (2 * (4096 + 64) * 4 + 1500) + 4096;
    expect(sizes[2]!).toBeLessThan(cap);
  });

  it('matches exact figures: quantiles within the stated error, means, counts and events exactly', () => {
    const n = 1500;
    const c = collector(n);
    const outputs: RunOutput[] = [];
    for (let i = 0; i < n; i++) {
      const out = run(i);
      outputs.push(out);
      c.add({ runIndex: i, ok: true, output: out });
    }
    const summary = c.summary();
    expect(summary.runs).toEqual({ requested: n, completed: n, errored: 0 });
    const records = outputs[0]!.steps.length;
    expect(summary.series[0]!.days).toEqual(Array.from(outputs[0]!.steps));
    for (let s = 0; s < shape.series.length; s++) {
      for (let r = 0; r < records; r++) {
        const values = outputs.map((o) => o.series[r * shape.series.length + s]!);
        BAND_LEVELS.forEach((q, l) => {
          const exact = exactQuantile(values, q);
          const got = summary.series[s]!.bands[l]![r]!;
          expect(Math.abs(got - exact.value)).toBeLessThanOrEqual(SERIES_ACCURACY * exact.bound * (1 + 1e-9));
        });
        const mean = values.reduce((a, b) => a + b, 0) / n;
        expect(summary.series[s]!.mean[r]!).toBeCloseTo(mean, 10);
      }
    }
    shape.outcomes.forEach((m, k) => {
      const values = outputs.map((o) => o.outcomes[k]!);
      const stats = summary.outcomes[k]!;
      expect(stats.key).toBe(m.key);
      expect(stats.count).toBe(n);
      expect(stats.min).toBe(Math.min(...values));
      expect(stats.max).toBe(Math.max(...values));
      expect(stats.probNegative).toBe(values.filter((v) => v < 0).length / n);
      for (const [key, q] of OUTCOME_QUANTILES) {
        const exact = exactQuantile(values, q);
        expect(Math.abs(stats.quantiles[key]! - exact.value)).toBeLessThanOrEqual(
          OUTCOME_ACCURACY * exact.bound * (1 + 1e-9),
        );
      }
      expect(stats.histogram.counts.reduce((a, b) => a + b, 0)).toBe(n);
      const positives = values.filter((v) => v > 0).sort((a, b) => b - a);
      const total = positives.reduce((a, b) => a + b, 0);
      const top = positives.slice(0, n / 10).reduce((a, b) => a + b, 0);
      expect(Math.abs(stats.top10Share - top / total)).toBeLessThanOrEqual(
        OUTCOME_ACCURACY * (top / total) + 1e-12,
      );
    });
    shape.events.forEach((m, k) => {
      const hits = outputs.filter((o) => o.events[k] === 1).length;
      expect(summary.events[k]).toMatchObject({ key: m.key, count: hits, probability: hits / n });
      expect(summary.events[k]!.low).toBeLessThanOrEqual(hits / n);
      expect(summary.events[k]!.high).toBeGreaterThanOrEqual(hits / n);
    });
  });

  it('turns an output that does not fit the shape into an errored run', () => {
    const c = collector(3);
    c.add({ runIndex: 0, ok: true, output: run(0) });
    const good = run(1);
    const bad = c.add({ runIndex: 1, ok: true, output: { ...good, outcomes: new Float64Array(1) } });
    expect(bad).toEqual({
      runIndex: 1,
      ok: false,
      message: 'model returned 1 outcomes, its shape declares 2',
    });
    const shifted = c.add({
      runIndex: 2,
      ok: true,
      output: { ...good, steps: good.steps.map((s) => s + 1) },
    });
    expect(shifted).toMatchObject({ ok: false });
    expect(c.counts()).toEqual({ completed: 1, errored: 2 });
    expect(c.summary().errors.map((e) => e.runIndex)).toEqual([1, 2]);
  });

  it('summarises no completed runs without failing', () => {
    const c = collector(1);
    c.add({ runIndex: 0, ok: false, message: 'boom' });
    const s = c.summary();
    expect(s.series[0]!.days).toEqual([]);
    expect(s.outcomes[0]!.count).toBe(0);
    expect(s.events[0]!.probability).toBeNaN();
  });
});
