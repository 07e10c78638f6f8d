/**
 * Add a sensitivity screen to an experiment's outputs: `sensitivity.csv`, a `sensitivity` entry in
 * summary.json and what it ran in manifest.json (the main runs' figures are left as they are).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Summary } from '../collect/summary.ts';
import { jsonText } from '../runner/jsonText.ts';
import type { Manifest } from '../runner/manifest.ts';
import { guardOutputWrite } from '../runner/outputDirError.ts';
import type { SensitivityResult } from './runSensitivityScreen.ts';
import { sensitivityCsv } from './sensitivityCsv.ts';
import type { SummaryWithSensitivity } from './sensitivityScreen.ts';

/** The screen's file name in the output folder. */
export const SENSITIVITY_CSV = 'sensitivity.csv';

/**
 * Write the screen next to the experiment's outputs and return the updated summary and manifest and
 * the paths written. A stopped screen is only recorded in the manifest (`status: partial`).
 * @example const { summary } = writeSensitivity({ outDir, outDirField: '--out', summary, manifest, result });
 */
export function writeSensitivity({
  outDir,
  outDirField = 'outDir',
  summary,
  manifest,
  result,
}: {
  outDir: string;
  outDirField?: string;
  summary: Summary;
  manifest: Manifest;
  result: SensitivityResult;
}): { summary: SummaryWithSensitivity; manifest: Manifest; files: string[] } {
  const { screen } = result;
  const nextSummary: SummaryWithSensitivity = screen === null ? summary : { ...summary, sensitivity: screen };
  const nextManifest: Manifest = {
    ...manifest,
    files: screen === null ? manifest.files : [...manifest.files, SENSITIVITY_CSV],
    sensitivity: {
      runs: result.runs,
      variations: result.variations,
      totalRuns: result.runs * result.variations,
      completed: result.completed,
      errored: result.errored,
      status: result.aborted ? 'partial' : 'complete',
      workers: result.workers,
      wallTimeMs: result.wallTimeMs,
    },
  };
  const paths = {
    csv: join(outDir, SENSITIVITY_CSV),
    summary: join(outDir, 'summary.json'),
    manifest: join(outDir, 'manifest.json'),
  };
  guardOutputWrite({ dir: outDir, field: outDirField }, () => {
    if (screen !== null) {
      writeFileSync(paths.csv, sensitivityCsv(screen));
      writeFileSync(paths.summary, jsonText(nextSummary));
    }
    writeFileSync(paths.manifest, jsonText(nextManifest));
  });
  return {
    summary: nextSummary,
    manifest: nextManifest,
    files: screen === null ? [] : [paths.csv],
  };
}
