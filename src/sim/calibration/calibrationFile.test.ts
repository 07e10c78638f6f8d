import { describe, expect, it } from 'vitest';
import { calibratedValues } from './calibratedValues.ts';
import { CALIBRATION_FORMAT, CALIBRATION_VERSION, type CalibrationFile } from './calibrationFile.ts';
import { CalibrationFileError, type CalibrationFileErrorCode } from './calibrationFileError.ts';
import { formatCalibrationFile } from './formatCalibrationFile.ts';
import { readCalibrationFile } from './readCalibrationFile.ts';

const hash = (digit: string) => digit.repeat(64);

function sample(): CalibrationFile {
  return {
    format: CALIBRATION_FORMAT,
    version: CALIBRATION_VERSION,
    description: 'Team and market parameters fitted to the daily alpha prices of 2025.',
    createdFor: { scenario: 'scenarios/mainnet.yaml', scenarioHash: hash('a') },
    seed: 7,
    runs: 32,
    window: {
      fitFrom: '2025-02-14',
      fitTo: '2025-09-30',
      heldOutFrom: '2025-10-01',
      heldOutTo: '2025-12-31',
    },
    objective: {
      description: 'sum of squared standardised errors',
      inSample: 41.25,
      heldOut: 19.5,
      evaluations: 412,
    },
    files: [{ name: 'alpha_prices_2025.csv', sha256: hash('b'), rows: 36_500 }],
    parameters: [
      {
        name: 'teams.exitHazardPerYear',
        value: 0.12,
        low: 0.09,
        high: 0.16,
        sd: 0.035,
        start: 0.1,
        bounds: [0.01, 1],
        identified: true,
      },
      {
        name: 'market.depth',
        value: 3.5,
        low: null,
        high: null,
        sd: null,
        start: 1,
        bounds: [0.1, 10],
        identified: false,
      },
    ],
    errors: {
      inSample: { sumOfPrices: { rmse: 0.21, bias: -0.03 }, top10Share: { rmse: 0.05, bias: null } },
      heldOut: { sumOfPrices: { rmse: 0.3, bias: 0.1 } },
    },
  };
}

function failure(text: string): CalibrationFileError {
  try {
    readCalibrationFile(text, '--calibration');
  } catch (error) {
    if (error instanceof CalibrationFileError) return error;
    throw error;
  }
  throw new Error('the file was accepted');
}

const withChange = (change: (file: Record<string, unknown>) => void): string => {
  const file = JSON.parse(formatCalibrationFile(sample())) as Record<string, unknown>;
  change(file);
  return JSON.stringify(file);
};

describe('calibration file', () => {
  it('reads back what it wrote', () => {
    const text = formatCalibrationFile(sample());
    const read = readCalibrationFile(text, '--calibration');
    expect(read).toEqual(sample());
    expect(formatCalibrationFile(read)).toBe(text);
  });

  it('writes 2-space indented JSON with a final newline, the same text whatever the key order', () => {
    const text = formatCalibrationFile(sample());
    expect(text.endsWith('}\n')).toBe(true);
    expect(text.split('\n')[1]).toBe(`  "format": "${CALIBRATION_FORMAT}",`);
    const reordered = Object.fromEntries(Object.entries(sample()).reverse()) as CalibrationFile;
    const errors = sample().errors;
    reordered.errors = {
      heldOut: errors.heldOut,
      inSample: { top10Share: { bias: null, rmse: 0.05 }, sumOfPrices: { bias: -0.03, rmse: 0.21 } },
    };
    expect(formatCalibrationFile(reordered)).toBe(text);
  });

  it('gives the fitted values by parameter name', () => {
    expect(calibratedValues(sample())).toEqual({ 'teams.exitHazardPerYear': 0.12, 'market.depth': 3.5 });
  });

  it.each<[string, string, CalibrationFileErrorCode, RegExp]>([
    ['text that is not JSON', '{"format": ', 'CALIBRATION_NOT_JSON', /--calibration: is not JSON/],
    [
      'a JSON array',
      '[]',
      'CALIBRATION_WRONG_FORMAT',
      /no format field, expected "tensormarket\/calibration"/,
    ],
    [
      'another format',
      withChange((f) => (f.format = 'tensormarket/starting-state')),
      'CALIBRATION_WRONG_FORMAT',
      /format "tensormarket\/starting-state"/,
    ],
    [
      'a later version',
      withChange((f) => (f.version = 2)),
      'CALIBRATION_WRONG_VERSION',
      /has version 2.*reads version 1/,
    ],
    ['no version', withChange((f) => delete f.version), 'CALIBRATION_WRONG_VERSION', /has no version/],
  ])('refuses %s', (_what, text, code, message) => {
    const error = failure(text);
    expect(error.code).toBe(code);
    expect(error.field).toBe('--calibration');
    expect(error.message).toMatch(message);
    expect(error.message).toMatch(/tensormarket calibrate/);
  });

  it('lists every schema problem with its path', () => {
    const error = failure(
      withChange((f) => {
        const p = (f.parameters as Record<string, unknown>[])[0]!;
        p.sd = null;
        p.start = 5;
        (f.window as Record<string, unknown>).fitTo = '2025-02-30';
        (f.files as Record<string, unknown>[])[0]!.sha256 = 'abc';
        delete f.runs;
      }),
    );
    expect(error.code).toBe('INVALID_CALIBRATION');
    expect(error.issues.map((i) => i.path).sort()).toEqual(
      [
        'files[0].sha256',
        'runs',
        'window.fitTo',
        'parameters[0].start',
        'parameters[0].identified',
        'parameters[0].low',
        'parameters[0].high',
      ].sort(),
    );
    expect(error.message).toMatch(/^--calibration: is not a valid calibration file, 7 problems: /);
  });

  it('refuses held-out days that overlap the fitted ones, and a name given twice', () => {
    const error = failure(
      withChange((f) => {
        (f.window as Record<string, unknown>).heldOutFrom = '2025-09-01';
        const ps = f.parameters as Record<string, unknown>[];
        ps[1]!.name = ps[0]!.name;
      }),
    );
    expect(error.issues).toEqual([
      expect.objectContaining({ path: 'window.heldOutFrom', message: expect.stringMatching(/overlap/) }),
      expect.objectContaining({ path: 'parameters[1].name', message: expect.stringMatching(/twice/) }),
    ]);
  });

  it('refuses to write a file the reader would refuse', () => {
    const bad = sample();
    bad.runs = 0;
    expect(() => formatCalibrationFile(bad)).toThrow(CalibrationFileError);
    expect(() => formatCalibrationFile(bad)).toThrow(/^calibration: cannot be written: runs: /);
  });
});
