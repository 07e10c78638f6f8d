/** A calibration file's text: checked, keys in a fixed order, 2-space indent, a final newline. */
import { formatPath } from '../scenario/scenarioIssue.ts';
import { type CalibrationFile, calibrationFileSchema } from './calibrationFile.ts';
import { CalibrationFileError } from './calibrationFileError.ts';

/** Metric → figure records with their keys sorted at both levels. */
function sortedFigures(
  figures: Readonly<Record<string, Readonly<Record<string, number | null>>>>,
): Record<string, Record<string, number | null>> {
  return Object.fromEntries(
    Object.keys(figures)
      .sort()
      .map((metric) => {
        const row = figures[metric]!;
        return [
          metric,
          Object.fromEntries(
            Object.keys(row)
              .sort()
              .map((k) => [k, row[k]!]),
          ),
        ];
      }),
  );
}

/**
 * The JSON text of `file`; equal content gives equal text, whatever order its keys were built in
 * (fixed fields in the schema's order, error records sorted by key). Throws a CalibrationFileError
 * (`INVALID_CALIBRATION`, at `field`) rather than write a file the reader would refuse.
 * @example writeFileSync('calibration.json', formatCalibrationFile(calibration));
 */
export function formatCalibrationFile(file: CalibrationFile, field = 'calibration'): string {
  const parsed = calibrationFileSchema.safeParse(file);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => ({
      path: formatPath(i.path) || '(file)',
      message: i.message,
    }));
    throw new CalibrationFileError(
      'INVALID_CALIBRATION',
      field,
      `cannot be written: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}; fix the values given`,
      { issues },
    );
  }
  const data = parsed.data;
  const errors = {
    inSample: sortedFigures(data.errors.inSample),
    heldOut: sortedFigures(data.errors.heldOut),
  };
  return `${JSON.stringify({ ...data, errors }, null, 2)}\n`;
}
