/** Read a calibration file's text and check it against the format, throwing a typed error for a bad file. */
import { formatPath } from '../scenario/scenarioIssue.ts';
import {
  CALIBRATION_FORMAT,
  CALIBRATION_VERSION,
  type CalibrationFile,
  calibrationFileSchema,
} from './calibrationFile.ts';
import { CalibrationFileError } from './calibrationFileError.ts';

/** How to get a good file, closing every message. */
const FIX = 'write it again with tensormarket calibrate';

/**
 * The calibration in `text`; `field` names where it came from (an option or a path) in error messages.
 * Throws a {@link CalibrationFileError} for text that is not JSON, another format or version, or a
 * schema problem (every problem listed with its path).
 * @example const calibration = readCalibrationFile(readFileSync(path, 'utf8'), '--calibration');
 */
export function readCalibrationFile(text: string, field: string): CalibrationFile {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (cause) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    throw new CalibrationFileError('CALIBRATION_NOT_JSON', field, `is not JSON (${reason}); ${FIX}`, {
      cause,
    });
  }
  const head = typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  if (head.format !== CALIBRATION_FORMAT) {
    const got = 'format' in head ? `format ${JSON.stringify(head.format)}` : 'no format field';
    throw new CalibrationFileError(
      'CALIBRATION_WRONG_FORMAT',
      field,
      `is not a calibration file (${got}, expected "${CALIBRATION_FORMAT}"); pass the file tensormarket calibrate wrote`,
    );
  }
  if (head.version !== CALIBRATION_VERSION) {
    const got = 'version' in head ? `version ${JSON.stringify(head.version)}` : 'no version';
    throw new CalibrationFileError(
      'CALIBRATION_WRONG_VERSION',
      field,
      `has ${got}, and this build reads version ${CALIBRATION_VERSION} only; ${FIX}`,
    );
  }
  const parsed = calibrationFileSchema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((i) => ({
    path: formatPath(i.path) || '(file)',
    message: i.message,
  }));
  const count = issues.length === 1 ? '1 problem' : `${issues.length} problems`;
  throw new CalibrationFileError(
    'INVALID_CALIBRATION',
    field,
    `is not a valid calibration file, ${count}: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}; fix them or ${FIX}`,
    { issues },
  );
}
