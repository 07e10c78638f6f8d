import type { z } from 'zod';
import type { Summary } from '../collect/summary.ts';

/**
 * The contract between a simulation model (agents + kernel for one future) and the runner that
 * executes thousands of futures. A model run is a pure function of (scenario, master seed, run index):
 * it draws every random number from streams derived from those, so the same inputs give the same
 * bytes whatever worker runs it.
 */

/** Names and meaning of what a model records. */
export interface ModelShape {
  /** Time series recorded at every recorded step (one value each), e.g. `taoPriceUsd`. */
  readonly series: readonly MetricInfo[];
  /** Final outcomes of a run (one value each), e.g. `holderReturn`. */
  readonly outcomes: readonly MetricInfo[];
  /** Yes/no events of a run, e.g. `topDecileSubnetLeavesWithinYear`. */
  readonly events: readonly MetricInfo[];
  /** 'return' outcomes that say what each kind of holder got, in the order reports list them. */
  readonly holderClasses?: readonly HolderClass[];
  /** A return split into additive parts of its log, which the report draws as a stacked bar. */
  readonly attribution?: ReturnAttribution;
}

/** A kind of holder and the outcome with its return over the horizon. */
export interface HolderClass {
  /** Key of an outcome of the same shape whose unit is 'return'. */
  readonly key: string;
  /** Who holds, in a few words, e.g. `Unstaked alpha holder`. */
  readonly label: string;
}

/**
 * A decomposition of a return on the log scale: in every run the `parts` outcomes sum to
 * ln(1 + `of`) (up to float rounding), so their means add up to the mean log return.
 */
export interface ReturnAttribution {
  /** Key of the 'return' outcome whose log is decomposed. */
  readonly of: string;
  /** Keys of the outcomes that sum to ln(1 + of), in the order reports list them (a catch-all last). */
  readonly parts: readonly string[];
  /** What is decomposed, e.g. `Unstaked holder's log return`. */
  readonly label: string;
}

/** One metric: a stable key, a label for reports, its unit, and a sentence on what it measures. */
export interface MetricInfo {
  readonly key: string;
  readonly label: string;
  readonly unit: 'TAO' | 'USD' | 'ratio' | 'count' | 'share' | 'return' | 'boolean';
  readonly description: string;
}

/** What one run of a model produces. */
export interface RunOutput {
  /** Step numbers at which series were recorded (same for every run of a scenario). */
  readonly steps: Int32Array;
  /** Row-major `[recordIndex * series.length + seriesIndex]`. */
  readonly series: Float64Array;
  /** One value per outcome, in `ModelShape.outcomes` order. */
  readonly outcomes: Float64Array;
  /** One 0/1 per event, in `ModelShape.events` order. */
  readonly events: Uint8Array;
}

/** Inputs of one run. */
export interface RunInput<S> {
  readonly scenario: S;
  /** Master seed of the experiment. */
  readonly seed: number;
  /** Index of this run (0-based); with the seed, it determines every random stream. */
  readonly runIndex: number;
}

/** Facts about a scenario's run that the manifest records, as the model reports them. */
export interface ModelDescription {
  /** The rule pack the chain runs under, or null for a model without one. */
  readonly rulePack: string | null;
}

/** The `model` section a scenario type carries (what the model's schema produces). */
export type ModelSection<S> = S extends { readonly model: infer M } ? M : unknown;

/**
 * A simulation model: the schema of its scenario section, its shape, a deterministic run function, a
 * description for the manifest, and how to say what the figures mean.
 */
export interface Model<S> {
  readonly name: string;
  /** Validates a scenario's `model` section and fills its defaults. */
  readonly schema: z.ZodType<ModelSection<S>>;
  shape(scenario: S): ModelShape;
  run(input: RunInput<S>): RunOutput;
  /** What the manifest records about a scenario's run (its rule pack). */
  describe(scenario: S): ModelDescription;
  /** The answer in plain words (a few sentences with figures) from the aggregate, and the assumptions it rests on. */
  headline(summary: Omit<Summary, 'headline'>, scenario: S): string[];
  /**
   * The outcome the answer is about (a key of the shape's outcomes, e.g. `holderReturn`): what a
   * sensitivity screen ranks parameters by. Without it, the shape's first outcome.
   */
  readonly headlineOutcome?: string;
}
