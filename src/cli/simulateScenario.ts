/**
 * What `simulate` does with a resolved scenario, and the dashboard's runs too: the runs, then the
 * sensitivity screen when the scenario asks for one (on the same warm threads), then the report. An
 * abort stops starting runs and keeps partial results: the main results and the report, without the
 * screen when it was the screen that was stopped.
 */
import { InputError } from '../engine/errors.ts';
import type { QueueTarget } from '../sim/queue/queueUrl.ts';
import type { Backend } from '../sim/runner/backend.ts';
import { createBackend } from '../sim/runner/createBackend.ts';
import type { ExperimentShard } from '../sim/runner/experimentShard.ts';
import type { Manifest } from '../sim/runner/manifest.ts';
import type { ModelRef } from '../sim/runner/modelRef.ts';
import {
  type ExperimentProgress,
  type ExperimentResult,
  runExperiment,
} from '../sim/runner/runExperiment.ts';
import type { Scenario } from '../sim/scenario/scenarioSchema.ts';
import {
  prepareSensitivityScreen,
  runSensitivityScreen,
  type SensitivityResult,
} from '../sim/sensitivity/runSensitivityScreen.ts';
import type { SummaryWithSensitivity } from '../sim/sensitivity/sensitivityScreen.ts';
import { writeSensitivity } from '../sim/sensitivity/writeSensitivity.ts';
import { SHARD_OPTION } from './runOptions.ts';

/** The steps of a simulation, in order: the runs, the sensitivity screen, the report. */
export type SimulationPhase = 'main' | 'sensitivity' | 'report';

/** Inputs of {@link simulateScenario}. */
export interface SimulateScenarioOptions {
  readonly model: ModelRef;
  readonly scenario: Scenario;
  readonly workers: number;
  readonly outDir: string;
  /** How errors about the folder name it (`--out` on the command line). */
  readonly outDirField: string;
  readonly signal: AbortSignal;
  /** Called as each step starts. */
  readonly onPhase?: (phase: SimulationPhase) => void;
  /** Progress of the step running (`main` or `sensitivity`). */
  readonly onProgress?: (progress: ExperimentProgress) => void;
  /** Send the runs (and the screen's) to this Redis queue's workers instead of this machine's threads. */
  readonly queue?: QueueTarget;
  /** Run only this shard's block of runs and write what a merge needs (no screen, no report). */
  readonly shard?: ExperimentShard;
  /** Threads already started for the runs and the screen (the caller closes them); else started here. */
  readonly threads?: Backend;
}

/** What a simulation produced. */
export interface SimulationResult {
  readonly result: ExperimentResult;
  /** The screen's outcome; null when the scenario has none or the main runs were stopped. */
  readonly screen: SensitivityResult | null;
  /** The summary and manifest as written, with the screen when there is one. */
  readonly summary: SummaryWithSensitivity;
  readonly manifest: Manifest;
  readonly files: readonly string[];
  /** Why the report could not be written; the data files are there all the same. */
  readonly reportError: Error | undefined;
}

/**
 * Run `scenario` and write its results and report to `outDir`.
 * @example const { result, reportError } = await simulateScenario({ model, scenario, workers: 4, outDir, outDirField: '--out', signal })
 */
export async function simulateScenario(options: SimulateScenarioOptions): Promise<SimulationResult> {
  const { model, scenario, workers, outDir, outDirField, signal, onPhase, onProgress } = options;
  const sensitivity = scenario.sensitivity;
  if (options.shard !== undefined && sensitivity !== undefined)
    throw new InputError(
      SHARD_OPTION,
      'the scenario asks for a sensitivity screen, which runs only whole; add --sensitivity-runs 0 (to the whole run you compare the merge with too)',
    );
  // A screen the model cannot run is refused before the main runs, not after them.
  if (sensitivity !== undefined) await prepareSensitivityScreen({ model, scenario });
  // The report's modules (vega, vega-lite, resvg: about a second) load while the runs go.
  const reportModule = options.shard === undefined ? import('../sim/report/index.ts') : undefined;
  reportModule?.catch(() => {});
  onPhase?.('main');
  // With a screen, its runs go to the main runs' threads, already started and warm.
  const owned =
    options.queue !== undefined
      ? await (await import('../sim/queue/queueBackend.ts')).createQueueBackend({
          target: options.queue,
          model,
        })
      : sensitivity === undefined || options.threads !== undefined
        ? undefined
        : await createBackend({ model, workers });
  const backend = owned ?? (options.queue === undefined ? options.threads : undefined);
  let result: ExperimentResult;
  let screen: SensitivityResult | null = null;
  try {
    result = await runExperiment({
      model,
      scenario,
      workers,
      ...(backend === undefined ? {} : { backend }),
      outDir,
      outDirField,
      signal,
      ...(onProgress === undefined ? {} : { onProgress }),
      ...(options.shard === undefined ? {} : { shard: options.shard }),
    });
    if (sensitivity !== undefined && !result.aborted && result.summary.runs.completed > 0) {
      onPhase?.('sensitivity');
      screen = await runSensitivityScreen({
        model,
        scenario,
        runs: sensitivity.runs,
        top: sensitivity.top,
        backend,
        signal,
        ...(onProgress === undefined ? {} : { onProgress }),
      });
    }
  } finally {
    await owned?.close();
  }

  // A shard's records are merged elsewhere; the report is the merge's.
  if (options.shard !== undefined)
    return {
      result,
      screen,
      summary: result.summary,
      manifest: result.manifest,
      files: result.files,
      reportError: undefined,
    };
  let summary: SummaryWithSensitivity = result.summary;
  let manifest = result.manifest;
  const files = [...result.files];
  if (screen !== null) {
    const written = writeSensitivity({ outDir, outDirField, summary, manifest, result: screen });
    ({ summary, manifest } = written);
    files.push(...written.files);
  }
  onPhase?.('report');
  let reportError: Error | undefined;
  try {
    const { writeReport } = await (reportModule ?? import('../sim/report/index.ts'));
    files.push(...(await writeReport({ summary, manifest, outDir })));
  } catch (error) {
    reportError = error instanceof Error ? error : new Error(String(error));
  }
  return { result, screen, summary, manifest, files, reportError };
}
