/** The sweep's `manifest.json`: what produced its outputs, to reproduce or compare them. */
import type { Manifest } from '../runner/manifest.ts';
import type { SweepMethod } from '../scenario/sweepSchema.ts';

/**
 * The experiment manifest's fields (runs, completed and errored over all points) and the sweep's design;
 * `seed` is every point's.
 */
export interface SweepManifest extends Omit<Manifest, 'sensitivity'> {
  readonly sweep: {
    readonly method: SweepMethod;
    readonly points: number;
    readonly runsPerPoint: number;
    readonly parameters: readonly string[];
    readonly outcomes: readonly string[];
    /** Sobol' base sample size N, or null for other methods. */
    readonly sobolN: number | null;
  };
}
