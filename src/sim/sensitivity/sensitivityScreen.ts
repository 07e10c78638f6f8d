/**
 * What a one-at-a-time sensitivity screen found, as `summary.json` holds it (`sensitivity`) and the
 * report draws it: the model's headline outcome at the baseline and with each ranged parameter at the
 * low and the high end of its range, every variation on the same seeds.
 */
import type { Summary } from '../collect/summary.ts';
import type { MetricInfo } from '../contract/types.ts';

/** The headline figures of one variation: the outcome's median and its chance of ending below zero. */
export interface HeadlineFigures {
  readonly median: number;
  /** P(outcome < 0) over the runs with a finite value. */
  readonly probLoss: number;
}

/** One screened parameter: its range and the headline figures at each end. */
export interface ParameterEffect {
  /** Dotted path inside the model section, e.g. `market.demandDriftPerYear`. */
  readonly parameter: string;
  /** The scenario's value (the baseline's). */
  readonly value: number;
  readonly low: number;
  readonly high: number;
  /** Where the range comes from. */
  readonly source: string;
  readonly atLow: HeadlineFigures;
  readonly atHigh: HeadlineFigures;
  /** 1 for the largest effect, by the screen's rule. */
  readonly rank: number;
}

/** The `sensitivity` entry of summary.json. */
export interface SensitivityScreen {
  /** The outcome screened: the model's headline outcome. */
  readonly outcome: MetricInfo;
  /** Paired runs per variation: run indices 0 … runs − 1 under `seed`. */
  readonly runs: number;
  readonly seed: number;
  /** Variations run: the baseline plus a low and a high one per parameter. */
  readonly variations: number;
  /** Parameters the report shows (the first `top` by rank). */
  readonly top: number;
  /** How parameters are ranked, in words. */
  readonly rule: string;
  readonly baseline: HeadlineFigures;
  /** Every screened parameter, by rank. */
  readonly parameters: readonly ParameterEffect[];
  /** Runs over all variations that completed and that ended with an error (left out of the figures). */
  readonly completed: number;
  readonly errored: number;
}

/** A summary with the screen: what summary.json holds after a screen, and what the report reads. */
export type SummaryWithSensitivity = Summary & { readonly sensitivity?: SensitivityScreen | undefined };
