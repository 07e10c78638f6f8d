/** The fitted values of a calibration file by parameter name, to override a scenario's parameters. */
import type { CalibrationFile } from './calibrationFile.ts';

/**
 * Parameter name (dotted, as a scenario override names it) → fitted value, for every parameter,
 * identified or not (an unidentified value is still the best fit; only its sd is unknown).
 * @example calibratedValues(readCalibrationFile(text, '--calibration'))['teams.exitHazardPerYear']
 */
export function calibratedValues(file: CalibrationFile): Record<string, number> {
  return Object.fromEntries(file.parameters.map((p) => [p.name, p.value]));
}
