/**
 * All collectors of an experiment behind one object: runs go in strictly in run-index order (the
 * runner guarantees it), so every figure is the same bits whatever the worker count. No per-run object
 * is kept: memory depends on the model's shape and record count, not on the number of runs (errors are
 * listed up to `MAX_LISTED_ERRORS`; every one is in runs.csv).
 */
import type { CheckedShape } from '../contract/checkModelShape.ts';
import type { ModelShape, RunOutput } from '../contract/types.ts';
import { createAttributionCollector } from './attributionCollector.ts';
import { createEventCollector } from './eventCollector.ts';
import { holderClassStats } from './holderClassStats.ts';
import { createOutcomeCollector } from './outcomeCollector.ts';
import type { RunRecord } from './runRecord.ts';
import { createSeriesCollector, type SeriesCollector } from './seriesCollector.ts';
import type { Summary } from './summary.ts';

/** Errored runs listed in `summary.json` (the count is always complete). */
export const MAX_LISTED_ERRORS = 100;

/** The experiment's aggregate, fed one run at a time. */
export interface ExperimentCollector {
  /**
   * Add the next run. A run whose output does not match the model's shape (or whose record steps
   * differ from the first run's) is turned into an errored run; the returned record is what was
   * counted, for runs.csv.
   */
  add(record: RunRecord): RunRecord;
  /** Runs added so far. */
  counts(): { completed: number; errored: number };
  /** The summary without its headline (which the model writes from these figures). */
  summary(): Omit<Summary, 'headline'>;
  /** Bytes held by all collectors (structural measure, for the memory test and benchmark). */
  sizeBytes(): number;
}

/** Why an output does not fit the shape, or null when it fits. */
function shapeMismatch(output: RunOutput, shape: ModelShape, steps: Int32Array | null): string | null {
  if (output.outcomes.length !== shape.outcomes.length)
    return `model returned ${output.outcomes.length} outcomes, its shape declares ${shape.outcomes.length}`;
  if (output.events.length !== shape.events.length)
    return `model returned ${output.events.length} events, its shape declares ${shape.events.length}`;
  if (output.series.length !== output.steps.length * shape.series.length)
    return `model returned ${output.series.length} series values for ${output.steps.length} records × ${shape.series.length} series`;
  if (steps !== null) {
    if (steps.length !== output.steps.length)
      return `model recorded ${output.steps.length} steps, the first run recorded ${steps.length}`;
    for (let i = 0; i < steps.length; i++)
      if (steps[i] !== output.steps[i])
        return `record ${i} is at step ${output.steps[i]}, the first run's at ${steps[i]}`;
  }
  return null;
}

/**
 * An empty experiment aggregate for a checked shape (its holder classes and attribution name real outcomes).
 * @example const c = createExperimentCollector({ shape, scenario, requested: 1000, horizonDays: 730, daysPerStep: 1 })
 */
export function createExperimentCollector({
  shape,
  scenario,
  requested,
  horizonDays,
  daysPerStep,
}: {
  shape: CheckedShape;
  scenario: { readonly name: string; readonly title: string; readonly description: string };
  requested: number;
  horizonDays: number;
  /** Days per model step, to turn recorded step numbers into days. */
  daysPerStep: number;
}): ExperimentCollector {
  const outcomes = shape.outcomes.map((m) => createOutcomeCollector(m.key));
  const events = createEventCollector(shape.events.map((m) => m.key));
  const attribution =
    shape.attribution === undefined
      ? null
      : createAttributionCollector({ attribution: shape.attribution, outcomes: shape.outcomes });
  let series: SeriesCollector | null = null;
  let steps: Int32Array | null = null;
  const errors: { runIndex: number; message: string }[] = [];
  let completed = 0;
  let errored = 0;

  const fail = (runIndex: number, message: string): RunRecord => {
    errored += 1;
    if (errors.length < MAX_LISTED_ERRORS) errors.push({ runIndex, message });
    return { runIndex, ok: false, message };
  };

  return {
    add(record) {
      if (!record.ok) return fail(record.runIndex, record.message);
      const out = record.output;
      const mismatch = shapeMismatch(out, shape, steps);
      if (mismatch !== null) return fail(record.runIndex, mismatch);
      if (series === null) {
        steps = Int32Array.from(out.steps);
        series = createSeriesCollector({
          keys: shape.series.map((m) => m.key),
          days: Array.from(steps, (s) => s * daysPerStep),
        });
      }
      completed += 1;
      series.push(out.series);
      for (let i = 0; i < outcomes.length; i++) outcomes[i]!.push(out.outcomes[i]!);
      attribution?.push(out.outcomes);
      events.push(out.events);
      return record;
    },
    counts: () => ({ completed, errored }),
    summary() {
      const noRecords = createSeriesCollector({ keys: shape.series.map((m) => m.key), days: [] });
      const outcomeStats = outcomes.map((c) => c.result());
      return {
        scenario: { name: scenario.name, title: scenario.title, description: scenario.description },
        runs: { requested, completed, errored },
        errors: errors.map((e) => ({ ...e })),
        horizonDays,
        shape: { series: shape.series, outcomes: shape.outcomes, events: shape.events },
        outcomes: outcomeStats,
        series: (series ?? noRecords).result(),
        events: events.result(),
        ...(shape.holderClasses === undefined
          ? {}
          : { holderClasses: holderClassStats(shape.holderClasses, outcomeStats) }),
        ...(attribution === null ? {} : { attribution: attribution.result() }),
      };
    },
    sizeBytes() {
      let bytes = 256 + errors.length * 64 + (steps?.byteLength ?? 0) + (series?.sizeBytes() ?? 0);
      for (const c of outcomes) bytes += c.sizeBytes();
      return bytes + (attribution?.sizeBytes() ?? 0);
    },
  };
}
