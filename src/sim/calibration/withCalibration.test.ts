import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { InputError } from '../../engine/errors.ts';
import { modelParamsSchema } from '../model/index.ts';
import { loadScenario } from '../scenario/loadScenario.ts';
import { CALIBRATION_FORMAT, CALIBRATION_VERSION, type CalibrationFile } from './calibrationFile.ts';
import { CalibrationFileError } from './calibrationFileError.ts';
import { formatCalibrationFile } from './formatCalibrationFile.ts';
import { withCalibration } from './withCalibration.ts';

const dir = mkdtempSync(join(tmpdir(), 'tm-with-calibration-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Write `text` at `name` under the temporary folder, making its folders; returns the path. */
function file(name: string, text: string): string {
  const path = join(dir, name);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
  return path;
}

const defaults = modelParamsSchema.parse({});

/** A fitted parameter away from its default, within bounds that hold both. */
function fitted(
  name: string,
  value: number,
  bounds: [number, number],
): CalibrationFile['parameters'][number] {
  return { name, value, low: null, high: null, sd: null, start: value, bounds, identified: false };
}

const calibration: CalibrationFile = {
  format: CALIBRATION_FORMAT,
  version: CALIBRATION_VERSION,
  description: 'Three parameters fitted for the test.',
  createdFor: { scenario: 'backtest-dtao', scenarioHash: 'c'.repeat(64) },
  seed: 1,
  runs: 2,
  window: { fitFrom: '2025-02-20', fitTo: '2025-05-31', heldOutFrom: '2025-06-01', heldOutTo: '2025-06-30' },
  objective: { description: 'test objective', inSample: 10, heldOut: 4, evaluations: 9 },
  files: [{ name: 'alpha_prices_daily_2025H1.csv', sha256: 'd'.repeat(64), rows: 12_757 }],
  parameters: [
    fitted('alphaHolders.riskPremiumPerYear', 0.31, [0.15, 0.4]),
    fitted('teams.ownerSellShare', 0.66, [0.3, 0.8]),
    fitted('taoMarket.impactMultiplier', 4.5, [1, 6]),
  ],
  errors: { inSample: {}, heldOut: {} },
};

// The calibration sits in another folder than the scenario: its path is read relative to the scenario.
file('fits/fit.json', formatCalibrationFile(calibration));

/** The scenario in `scenarios/<name>.yaml` with `yaml` after its name, loaded and calibrated. */
function calibrated(name: string, yaml: string) {
  const path = file(`scenarios/${name}.yaml`, `name: ${name}\n${yaml}`);
  return withCalibration({
    scenario: loadScenario({ file: path, modelSchema: modelParamsSchema }),
    file: path,
    modelSchema: modelParamsSchema,
  });
}

/** What `calibrated` threw. */
function failure(name: string, yaml: string): unknown {
  try {
    calibrated(name, yaml);
  } catch (error) {
    return error;
  }
  throw new Error(`${name} was calibrated`);
}

describe('withCalibration', () => {
  it('sets the fitted values the scenario does not set; a value the scenario sets wins, even one equal to the default', () => {
    // impactMultiplier is set to its default: explicit all the same.
    const { scenario, calibration: read } = calibrated(
      'explicit',
      `calibration: ../fits/fit.json\nmodel:\n  teams:\n    ownerSellShare: 0.42\n  taoMarket:\n    impactMultiplier: ${defaults.taoMarket.impactMultiplier}\n`,
    );
    expect(read).toEqual(calibration);
    const model = scenario.model as typeof defaults;
    expect(model.alphaHolders.riskPremiumPerYear).toBe(0.31);
    expect(model.teams.ownerSellShare).toBe(0.42);
    expect(model.taoMarket.impactMultiplier).toBe(defaults.taoMarket.impactMultiplier);
    // Their neighbours keep the defaults.
    expect(model.alphaHolders.rootYieldPerYear).toBe(defaults.alphaHolders.rootYieldPerYear);
    expect(model.teams.buybackShare).toBe(defaults.teams.buybackShare);
    expect(model.taoMarket.absorptionHalfLifeDays).toBe(defaults.taoMarket.absorptionHalfLifeDays);
  });

  it('sets every fitted value when the scenario sets none of them', () => {
    const model = calibrated('plain', 'calibration: ../fits/fit.json\n').scenario.model as typeof defaults;
    expect([
      model.alphaHolders.riskPremiumPerYear,
      model.teams.ownerSellShare,
      model.taoMarket.impactMultiplier,
    ]).toEqual(calibration.parameters.map((p) => p.value));
    // The test's values differ from the defaults, so each one above came from the file.
    expect(defaults.alphaHolders.riskPremiumPerYear).not.toBe(0.31);
    expect(defaults.teams.ownerSellShare).not.toBe(0.66);
    expect(defaults.taoMarket.impactMultiplier).not.toBe(4.5);
  });

  it('leaves a scenario that names no calibration as it is', () => {
    const path = file('scenarios/none.yaml', 'name: none\nmodel:\n  teams:\n    ownerSellShare: 0.42\n');
    const scenario = loadScenario({ file: path, modelSchema: modelParamsSchema });
    const result = withCalibration({ scenario, file: path, modelSchema: modelParamsSchema });
    expect(result.calibration).toBeNull();
    expect(result.scenario).toBe(scenario);
  });

  it('refuses a missing calibration file with an InputError at calibration, naming the path and the fix', () => {
    const error = failure('missing', 'calibration: ../fits/nowhere.json\n');
    expect(error).toBeInstanceOf(InputError);
    expect(error).toMatchObject({ field: 'calibration', code: 'INVALID_INPUT' });
    expect((error as Error).message).toMatch(
      /^calibration: cannot read \.\.\/fits\/nowhere\.json \(relative to .*missing\.yaml\); run tensormarket calibrate/,
    );
  });

  it.each([
    ['text that is not JSON', '{"format": ', 'CALIBRATION_NOT_JSON'],
    ['another kind of file', '{"format": "tensormarket/backtest", "version": 1}', 'CALIBRATION_WRONG_FORMAT'],
    [
      'a value outside its bounds',
      formatCalibrationFile(calibration).replace('"value": 4.5', '"value": 7'),
      'INVALID_CALIBRATION',
    ],
  ])(
    'refuses a calibration file holding %s with a CalibrationFileError at calibration',
    (what, text, code) => {
      const name = `bad-${code.toLowerCase()}`;
      file(`fits/${name}.json`, text);
      const error = failure(name, `calibration: ../fits/${name}.json\n`);
      expect(error, what).toBeInstanceOf(CalibrationFileError);
      expect(error).toMatchObject({ code, field: 'calibration' });
    },
  );
});
