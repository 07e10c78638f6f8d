/**
 * A scenario with the values of the calibration file it names: each fitted parameter is set unless the
 * scenario's own `model` section sets it (what a file says explicitly wins over a fit).
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parse } from 'yaml';
import type { z } from 'zod';
import { InputError } from '../../engine/errors.ts';
import { overrideModel } from '../scenario/overrideModel.ts';
import type { Scenario } from '../scenario/scenarioSchema.ts';
import { calibratedValues } from './calibratedValues.ts';
import type { CalibrationFile } from './calibrationFile.ts';
import { readCalibrationFile } from './readCalibrationFile.ts';

/** Whether the scenario text's `model` section sets the dotted `path`. */
function setsPath(model: unknown, path: string): boolean {
  let v: unknown = model;
  for (const key of path.split('.')) {
    if (v === null || typeof v !== 'object' || !(key in v)) return false;
    v = (v as Record<string, unknown>)[key];
  }
  return true;
}

/**
 * `scenario` (loaded from `file`) with its calibration applied, and the calibration read; the scenario
 * itself and null when it names none.
 * @example withCalibration({ scenario, file: 'scenarios/default.yaml', modelSchema }).scenario.model
 */
export function withCalibration<M>(args: { scenario: Scenario<M>; file: string; modelSchema: z.ZodType }): {
  scenario: Scenario<M>;
  calibration: CalibrationFile | null;
} {
  const { scenario, file, modelSchema } = args;
  if (scenario.calibration === undefined) return { scenario, calibration: null };
  const path = resolve(dirname(file), scenario.calibration);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (cause) {
    throw new InputError(
      'calibration',
      `cannot read ${scenario.calibration} (relative to ${file}); run tensormarket calibrate or fix the path`,
      { cause },
    );
  }
  const calibration = readCalibrationFile(text, 'calibration');
  const own = (parse(readFileSync(file, 'utf8')) as { model?: unknown } | null)?.model;
  const overrides = Object.entries(calibratedValues(calibration))
    .filter(([name]) => !setsPath(own, name))
    .map(([path, value]) => ({ path, value }));
  return { scenario: overrideModel({ scenario, modelSchema, overrides }), calibration };
}
