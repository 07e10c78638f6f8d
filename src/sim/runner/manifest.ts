/** The run manifest (`manifest.json`): what produced an experiment's outputs, to reproduce or compare them. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { ShardManifest } from './experimentShard.ts';

/** Root folder of the package (where package.json is). */
export const PROJECT_ROOT = resolve(import.meta.dirname, '..', '..', '..');

/** What `manifest.json` holds. */
export interface Manifest {
  readonly package: string;
  /** Package version. */
  readonly version: string;
  /** Model name and where it was imported from (`path#export`, relative to the package root when inside it). */
  readonly model: string;
  readonly modelExport: string;
  /** The model section's `rulePack`, when it has one. */
  readonly rulePack: string | null;
  /** Scenario name and SHA-256 of its resolved JSON (scenario.json, canonical form). */
  readonly scenario: string;
  readonly scenarioHash: string;
  readonly seed: number;
  /** Runs requested, completed and errored. */
  readonly runs: number;
  readonly completed: number;
  readonly errored: number;
  /** `partial` when the experiment was stopped before every run finished. */
  readonly status: 'complete' | 'partial';
  /** Threads that ran the runs on this machine; 0 when they went through {@link Manifest.queue}. */
  readonly workers: number;
  /** The queue the runs went through, when not this machine's threads (URL without its password). */
  readonly queue?: { readonly url: string };
  readonly wallTimeMs: number;
  /** Node.js version. */
  readonly node: string;
  readonly startedAt: string;
  /** Files written to the output folder. */
  readonly files: readonly string[];
  /** The sensitivity screen run after the main runs, when the scenario asks for one. */
  readonly sensitivity?: ManifestSensitivity;
  /** Set on a shard's manifest: which block of the runs it holds (`runs` above is the experiment's). */
  readonly shard?: ShardManifest;
  /** Set on a merged experiment: the shard folders it was assembled from, in run order. */
  readonly mergedFrom?: readonly MergedShard[];
}

/** One shard a merged experiment was assembled from. */
export interface MergedShard {
  /** The shard's folder as the merge was given it. */
  readonly dir: string;
  readonly shard: ShardManifest;
}

/** What the manifest records of a sensitivity screen: the runs it used and how it ended. */
export interface ManifestSensitivity {
  /** Paired runs per variation (run indices 0 … runs − 1 under the manifest's seed). */
  readonly runs: number;
  readonly variations: number;
  /** Runs over all variations: requested, completed, errored. */
  readonly totalRuns: number;
  readonly completed: number;
  readonly errored: number;
  /** `partial` when stopped before every run finished (then no screen is written). */
  readonly status: 'complete' | 'partial';
  readonly workers: number;
  readonly wallTimeMs: number;
}

/** Name and version of this package. */
export function packageInfo(): { name: string; version: string } {
  try {
    const pkg = JSON.parse(readFileSync(resolve(PROJECT_ROOT, 'package.json'), 'utf8')) as {
      name?: string;
      version?: string;
    };
    return { name: pkg.name ?? 'tensormarket', version: pkg.version ?? '0.0.0' };
  } catch {
    return { name: 'tensormarket', version: '0.0.0' };
  }
}
