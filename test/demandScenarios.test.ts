import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { calibrateDemand } from '../src/cli/calibrate.ts';
import { demandDefaults } from '../src/sim/calibration/demandDefaults.ts';
import { modelParamsSchema } from '../src/sim/model/index.ts';
import { loadScenario } from '../src/sim/scenario/loadScenario.ts';

const root = resolve(import.meta.dirname, '..');
const NAMES = ['default', 'bear', 'bull'] as const;
const file = (name: string) => join(root, 'scenarios', `${name}.yaml`);

/** A scenario without its labels and its demand drift: what bear, base and bull must share. */
function withoutDrift(s: Record<string, unknown>): Record<string, unknown> {
  const { name: _n, title: _t, description: _d, model, ...rest } = s;
  const { market, ...otherModel } = model as Record<string, unknown>;
  const { demandDriftPerYear: _drift, ...otherMarket } = market as Record<string, unknown>;
  return { ...rest, model: { ...otherModel, market: otherMarket } };
}

describe('the bear, base and bull scenarios', () => {
  const raw = NAMES.map((n) => parse(readFileSync(file(n), 'utf8')) as Record<string, unknown>);
  const resolved = NAMES.map((n) => loadScenario({ file: file(n), modelSchema: modelParamsSchema }));

  it('differ only in model.market.demandDriftPerYear (and their names)', () => {
    for (const scenarios of [raw, resolved] as Record<string, unknown>[][]) {
      const [base, ...others] = scenarios.map(withoutDrift);
      for (const other of others) expect(other).toEqual(base);
    }
  });

  it('state drifts 0 and ∓ the historical TAO/USD drift', () => {
    const d = demandDefaults(calibrateDemand({}).estimate).scenarioDriftPerYear;
    expect(resolved.map((s) => s.model.market.demandDriftPerYear)).toEqual([0, -d, d]);
    expect(resolved.map((s) => s.name)).toEqual(['default', 'bear', 'bull']);
  });
});
