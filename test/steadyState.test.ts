import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SERIES_KEYS } from '../src/sim/model/bittensor/metrics.ts';
import type { ModelScenario } from '../src/sim/model/bittensor/modelScenario.ts';
import { runFuture } from '../src/sim/model/bittensor/run.ts';
import { modelParamsSchema } from '../src/sim/model/index.ts';
import { loadScenario } from '../src/sim/scenario/loadScenario.ts';

const root = resolve(import.meta.dirname, '..');
const WATCHED = ['taoPriceUsd', 'sumAlphaPrices', 'usefulOutput'] as const;

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

describe('the steady-state scenario', () => {
  const scenario = loadScenario({
    file: join(root, 'scenarios', 'steady-state.yaml'),
    modelSchema: modelParamsSchema,
  }) as unknown as ModelScenario & { readonly runs: number; readonly seed: number };
  const outputs = Array.from({ length: scenario.runs }, (_, runIndex) =>
    runFuture({ scenario, seed: scenario.seed, runIndex }),
  );
  const width = SERIES_KEYS.length;
  const steps = outputs[0]!.steps;

  it('records every day to day 90', () => {
    expect(steps.length).toBe(91);
    expect(steps[90]).toBe(90);
  });

  it.each(WATCHED)('keeps the median %s within ±5% of day 0 on every recorded day', (key) => {
    const column = SERIES_KEYS.indexOf(key);
    const medians = Array.from(steps, (_, row) =>
      median(outputs.map((o) => o.series[row * width + column]!)),
    );
    const worst = Math.max(...medians.map((m) => Math.abs(m / medians[0]! - 1)));
    expect(worst, `the median ${key} moved ${(worst * 100).toFixed(2)}% from day 0`).toBeLessThanOrEqual(
      0.05,
    );
  });
});
