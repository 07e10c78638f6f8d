/**
 * The windows a backtest's errors are measured over, and the calibration's split of the record: the fit
 * uses recorded data up to FIT_DATA_END only, holding its last HELD_OUT_DAYS days out; later recorded
 * prices validate and are never fitted.
 */
import { addDays } from '../scenario/ruleTimeline.ts';
import type { BacktestWindow } from './backtestSummary.ts';

/** The last recorded day a calibration may read. */
export const FIT_DATA_END = '2025-06-30';

/** Days at the end of the fit data held out of the fit. */
export const HELD_OUT_DAYS = 30;

/** The first held-out day. */
export const HELD_OUT_FROM = addDays(FIT_DATA_END, 1 - HELD_OUT_DAYS);

/** The last day the fit reads. */
export const IN_SAMPLE_TO = addDays(HELD_OUT_FROM, -1);

/**
 * The windows of a backtest from `from` to `to`: the calibration's in-sample days, its held-out days,
 * and the whole run.
 * @example backtestWindows('2025-02-20', '2025-10-29').map((w) => w.name) // ['in-sample', 'held-out', 'all']
 */
export function backtestWindows(from: string, to: string): BacktestWindow[] {
  return [
    { name: 'in-sample', from, to: IN_SAMPLE_TO },
    { name: 'held-out', from: HELD_OUT_FROM, to: FIT_DATA_END },
    { name: 'all', from, to },
  ];
}
