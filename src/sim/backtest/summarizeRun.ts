/** The summary of one variation of a backtest run: its fans beside the record, and the error figures. */
import { BACKTEST_METRICS } from './backtestMetrics.ts';
import type { BacktestSummary, BacktestWindow } from './backtestSummary.ts';
import type { BacktestRun } from './runBacktest.ts';
import { summarizeBacktest } from './summarizeBacktest.ts';

/**
 * Summarize variation `index` (default the first) of `run` over `windows`.
 * @example summarizeRun(run, backtestWindows(run.dates[0], run.dates.at(-1))).errors
 */
export function summarizeRun(
  run: BacktestRun,
  windows: readonly BacktestWindow[],
  index = 0,
): BacktestSummary {
  const futures = run.variations[index]!;
  return summarizeBacktest({
    dates: run.dates,
    runs: futures.simulated[BACKTEST_METRICS[0]].length / run.dates.length,
    metrics: BACKTEST_METRICS.map((metric) => ({
      metric,
      simulated: futures.simulated[metric],
      recorded: run.recorded[metric],
    })),
    windows,
  });
}
