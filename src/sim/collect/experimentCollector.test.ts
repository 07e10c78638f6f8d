import { describe, expect, it } from 'vitest';
import { exactQuantile } from '../../../test/support/exactQuantile.ts';
import { checkModelShape } from '../contract/checkModelShape.ts';
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
const shape = checkModelShape({ shape: testModel.shape(scenario), model: testModel.name });
const parts = shape.attribution?.parts.length ?? 0;
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
    // And never past the caps: 2 × (maxBins + 64) counters per sketch, plus histograms and means; the
    // attribution keeps two sketches (value, magnitude) for the total and for each part.
    const cells = shape.series.length * 14;
    const sketch = 2 * (4096 + 64) * 4;
    const cap =
      cells * (2 * (2048 + 64) * 4 + 300) +
      shape.outcomes.length * (sketch + 1500) +
      (parts + 1) * 2 * sketch +
      4096;
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
      // An outcome that is never positive (the test model's drift part) has no top share: 0.
      const share = total > 0 ? top / total : 0;
      expect(Math.abs(stats.top10Share - share)).toBeLessThanOrEqual(OUTCOME_ACCURACY * share + 1e-12);
    });
    shape.events.forEach((m, k) => {
      const hits = outputs.filter((o) => o.events[k] === 1).length;
      expect(summary.events[k]).toMatchObject({ key: m.key, count: hits, probability: hits / n });
      expect(summary.events[k]!.low).toBeLessThanOrEqual(hits / n);
      expect(summary.events[k]!.high).toBeGreaterThanOrEqual(hits / n);
    });
  });

  it('answers per holder class and attributes the log return, on the test model', () => {
    const n = 800;
    const c = collector(n);
    const outputs: RunOutput[] = [];
    for (let i = 0; i < n; i++) {
      outputs.push(run(i));
      c.add({ runIndex: i, ok: true, output: outputs[i]! });
    }
    const summary = c.summary();
    const column = (key: string) => {
      const k = shape.outcomes.findIndex((m) => m.key === key);
      return outputs.map((o) => o.outcomes[k]!);
    };
    // Holder classes: the figures of their outcomes, in declaration order.
    expect(summary.holderClasses?.map((h) => [h.key, h.label])).toEqual(
      shape.holderClasses?.map((h) => [h.key, h.label]),
    );
    for (const h of summary.holderClasses ?? []) {
      const values = column(h.key);
      const stats = summary.outcomes.find((o) => o.key === h.key)!;
      expect(h).toMatchObject({ count: n, median: stats.median, mean: stats.mean, p5: stats.quantiles.p5 });
      expect(h.probNegative).toBe(values.filter((v) => v < 0).length / n);
      for (const [q, got] of [
        [0.05, h.p5],
        [0.25, h.p25],
        [0.5, h.median],
        [0.75, h.p75],
        [0.95, h.p95],
      ] as const) {
        const exact = exactQuantile(values, q);
        expect(Math.abs(got - exact.value)).toBeLessThanOrEqual(OUTCOME_ACCURACY * exact.bound * (1 + 1e-9));
      }
    }
    // Attribution: per run, the parts sum to ln(1 + return) within float rounding.
    const a = summary.attribution!;
    const logs = column('return').map(Math.log1p);
    const partValues = shape.attribution!.parts.map(column);
    const residuals = logs.map((x, i) => Math.abs(partValues.reduce((s, p) => s + p[i]!, 0) - x));
    expect(a.maxResidual).toBe(Math.max(...residuals));
    expect(a.maxResidual).toBeLessThanOrEqual(1e-9);
    expect({ count: a.count, skipped: a.skipped }).toEqual({ count: n, skipped: 0 });
    const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
    a.parts.forEach((p, k) => {
      expect(p.key).toBe(shape.attribution!.parts[k]);
      expect(p.mean).toBeCloseTo(mean(partValues[k]!), 12);
      const exact = exactQuantile(partValues[k]!, 0.5);
      expect(Math.abs(p.median - exact.value)).toBeLessThanOrEqual(
        OUTCOME_ACCURACY * exact.bound * (1 + 1e-9),
      );
    });
    expect(a.total.mean).toBeCloseTo(mean(logs), 12);
    expect(Math.abs(a.parts.reduce((s, p) => s + p.mean, 0) - a.total.mean)).toBeLessThanOrEqual(1e-12);
    // The spread part is a Jensen gap: the log of a mean is never below the mean of logs.
    expect(Math.min(...partValues.at(-1)!)).toBeGreaterThanOrEqual(-1e-12);
    expect(a.lastPartShare).toBeCloseTo(a.parts.at(-1)!.medianAbs / a.total.medianAbs, 15);
  });

  it('turns an output that does not fit the shape into an errored run', () => {
    const c = collector(3);
    c.add({ runIndex: 0, ok: true, output: run(0) });
    const good = run(1);
    const bad = c.add({ runIndex: 1, ok: true, output: { ...good, outcomes: new Float64Array(1) } });
    expect(bad).toEqual({
      runIndex: 1,
      ok: false,
      message: `model returned 1 outcomes, its shape declares ${shape.outcomes.length}`,
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
