/**
 * The backtest's wall time: the shipped scenarios/backtest-dtao.yaml from 2025-02-20 to 2025-10-29 on the
 * recorded data (../shared/data), at 1 and 2 workers and two run counts, each timed three times; and one
 * calibration objective evaluation (the in-sample days at the calibration's default runs).
 */
import { performance } from 'node:perf_hooks';
import { BACKTEST_FROM, BACKTEST_SCENARIO, BACKTEST_TO } from '../src/cli/backtest.ts';
import { DEFAULT_CALIBRATION_RUNS } from '../src/cli/calibrate.ts';
import { defaultDataDir } from '../src/cli/defaultDataDir.ts';
import { DEFAULT_MODEL } from '../src/cli/runOptions.ts';
import { readBacktestData } from '../src/sim/backtest/backtestData.ts';
import { IN_SAMPLE_TO } from '../src/sim/backtest/backtestWindows.ts';
import { runBacktest } from '../src/sim/backtest/runBacktest.ts';
import { withCalibration } from '../src/sim/calibration/withCalibration.ts';
import { modelParamsSchema } from '../src/sim/model/bittensor/params.ts';
import { createBackend } from '../src/sim/runner/createBackend.ts';
import { loadScenario } from '../src/sim/scenario/loadScenario.ts';
import { fmt, median, printTable } from './lib.ts';

/** Run the backtest benchmark and print its table. */
export async function runBacktestBench(): Promise<void> {
  const scenario = withCalibration({
    scenario: loadScenario({ file: BACKTEST_SCENARIO, modelSchema: modelParamsSchema }),
    file: BACKTEST_SCENARIO,
    modelSchema: modelParamsSchema,
  }).scenario;
  const data = readBacktestData(defaultDataDir());
  const rows: string[][] = [];
  const time = async (label: string, runs: number, workers: number, to: string) => {
    const backend = await createBackend({ model: DEFAULT_MODEL, workers });
    const once = () =>
      runBacktest({ model: DEFAULT_MODEL, scenario, data, from: BACKTEST_FROM, to, runs, seed: 1, backend });
    try {
      // One untimed pass warms the threads' module caches and JIT.
      await once();
      const ms: number[] = [];
      for (let k = 0; k < 3; k++) {
        const t = performance.now();
        await once();
        ms.push(performance.now() - t);
      }
      const m = median(ms);
      rows.push([label, String(runs), String(workers), fmt(m / 1000, 2), fmt(runs / (m / 1000), 1)]);
    } finally {
      await backend.close();
    }
  };
  for (const workers of [1, 2]) {
    await time(`backtest ${BACKTEST_FROM} → ${BACKTEST_TO}`, 200, workers, BACKTEST_TO);
    await time(`backtest ${BACKTEST_FROM} → ${BACKTEST_TO}`, 1000, workers, BACKTEST_TO);
  }
  await time(`calibration objective (→ ${IN_SAMPLE_TO})`, DEFAULT_CALIBRATION_RUNS, 2, IN_SAMPLE_TO);
  printTable(
    'backtest: wall time (median of 3, after a warm-up pass)',
    ['what', 'runs', 'workers', 'seconds', 'runs/s'],
    rows,
  );
}
