/**
 * What a sweep found, as `sweep.json` holds it and the report draws it: the swept parameters, each
 * point's figures of the key outcomes over its paired runs, and for a Sobol' design the first-order and
 * total indices of every key outcome with their intervals.
 */
import type { MetricInfo } from '../contract/types.ts';
import type { SweepMethod } from '../scenario/sweepSchema.ts';
import type { IntervalEstimate } from './sobolIndices.ts';

/** One swept parameter as the sweep ran it. */
export interface SweptParameter {
  /** Dotted path inside the model section, e.g. `market.demandDriftPerYear`. */
  readonly path: string;
  /** The values it takes (grid, zip), or null when sampled from its range. */
  readonly values: readonly number[] | null;
  /** The range sampled (lhs, sobol), or the listed values' extremes. */
  readonly low: number;
  readonly high: number;
  /** Integer parameters take whole values (sampled uniformly over the integers of the range). */
  readonly integer: boolean;
  /** Where the range comes from: the scenario's sweep section, or the model's declaration. */
  readonly source: string;
}

/** The figures of one outcome over a point's runs with a finite value. */
export interface PointFigures {
  readonly mean: number;
  readonly median: number;
  readonly p5: number;
  readonly p95: number;
}

/** One point of the sweep: the parameters' values (in the order of the sweep's parameters) and figures. */
export interface SweepPoint {
  readonly index: number;
  readonly values: readonly number[];
  /** By outcome key, for the sweep's key outcomes. */
  readonly outcomes: Readonly<Record<string, PointFigures>>;
  readonly completed: number;
  readonly errored: number;
}

/** The indices of one parameter for one outcome. */
export interface SobolParameterRow {
  readonly parameter: string;
  /** S_i: the share of the outcome's variance the parameter causes alone. */
  readonly firstOrder: IntervalEstimate;
  /** S_Ti: the share it causes alone and through its interactions. */
  readonly totalEffect: IntervalEstimate;
}

/** The indices of one key outcome (the response of a point is the mean of its runs). */
export interface OutcomeSobol {
  readonly outcome: MetricInfo;
  /** Variance of the point means at A and B. */
  readonly variance: number;
  /** Design rows used (every response finite), of N. */
  readonly rows: number;
  readonly parameters: readonly SobolParameterRow[];
}

/** The Sobol' part of a sweep. */
export interface SweepSobol {
  /** Base sample size N (the design has N(k + 2) points). */
  readonly n: number;
  readonly resamples: number;
  /** Coverage of the bootstrap intervals, e.g. 0.95. */
  readonly level: number;
  /** The estimators, in words. */
  readonly estimators: string;
  readonly outcomes: readonly OutcomeSobol[];
}

/** What `sweep.json` holds. */
export interface SweepSummary {
  readonly scenario: { readonly name: string; readonly title: string; readonly description: string };
  readonly method: SweepMethod;
  /** The master seed every point's runs share. */
  readonly seed: number;
  /** Paired runs per point: run indices 0 … runsPerPoint − 1 under `seed`. */
  readonly runsPerPoint: number;
  readonly points: number;
  readonly parameters: readonly SweptParameter[];
  /** The key outcomes. */
  readonly outcomes: readonly MetricInfo[];
  /** Null unless the method is sobol. */
  readonly sobol: SweepSobol | null;
  /** Runs over all points that completed and that ended with an error (left out of the figures). */
  readonly completed: number;
  readonly errored: number;
}
