/**
 * One run as a queue job: what it carries (the experiment hash, under which its scenario is stored once,
 * the seed, the run index and the model by a path any checkout of the project resolves), its idempotent
 * id, and the experiment hash the id starts with.
 */
import { createHash } from 'node:crypto';
import { isAbsolute, relative, resolve } from 'node:path';
import { PROJECT_ROOT } from '../runner/manifest.ts';
import type { ModelRef } from '../runner/modelRef.ts';
import { canonicalJson, scenarioHash } from '../scenario/scenarioHash.ts';
import type { ScenarioFile } from '../scenario/scenarioSchema.ts';
import { QueueError } from './queueError.ts';

/** The data of a run's job. */
export interface RunJobData {
  /** The experiment's hash: its resolved scenario is stored under it (see scenarioStore.ts). */
  readonly experiment: string;
  readonly seed: number;
  readonly runIndex: number;
  /** The model: module relative to the project root when inside it (else absolute), and export. */
  readonly model: ModelRef;
}

/**
 * The model reference as a job carries it: relative to the project root when the module is inside it,
 * so a worker on another machine with the same checkout finds it wherever that checkout lives.
 * @example portableModelRef({ module: `${PROJECT_ROOT}/src/sim/model/index.ts`, exportName: 'm' }).module // 'src/sim/model/index.ts'
 */
export function portableModelRef(ref: ModelRef): ModelRef {
  if (ref.module.startsWith('file:')) return ref;
  const rel = relative(PROJECT_ROOT, ref.module);
  if (rel.startsWith('..') || isAbsolute(rel)) return ref;
  return { module: rel.split('\\').join('/'), exportName: ref.exportName };
}

/** The reference a worker imports: a relative module is resolved against this checkout's root. */
export function localModelRef(ref: ModelRef): ModelRef {
  if (ref.module.startsWith('file:') || isAbsolute(ref.module)) return ref;
  return { module: resolve(PROJECT_ROOT, ref.module), exportName: ref.exportName };
}

/**
 * The identity of an experiment's runs: SHA-256 over the resolved scenario's hash, the seed and the
 * portable model reference. Equal inputs give equal job ids, so a restarted submitter finds its jobs.
 * @example experimentHash({ scenario, seed: 1, model: portableModelRef(ref) }).length // 64
 */
export function experimentHash({
  scenario,
  seed,
  model,
}: {
  scenario: unknown;
  seed: number;
  model: ModelRef;
}): string {
  const text = canonicalJson({
    scenario: scenarioHash(scenario as ScenarioFile),
    seed,
    model: `${model.module}#${model.exportName}`,
  });
  return createHash('sha256').update(text).digest('hex');
}

/**
 * The job id of a run: BullMQ refuses integer ids and ids with one `:` (it reserves `a:b:c` for its own
 * repeat jobs), so the experiment hash and the run index are joined by `-`.
 * @example runJobId('ab12…', 7) // 'ab12…-7'
 */
export function runJobId(hash: string, runIndex: number): string {
  return `${hash}-${runIndex}`;
}

/**
 * The job data after a trip through Redis, checked; another version's job is a QueueError naming it.
 * @example parseRunJobData(job.data, url, job.id)
 */
export function parseRunJobData(data: unknown, url: string, jobId: string): RunJobData {
  const d = (data ?? {}) as Partial<Record<keyof RunJobData, unknown>>;
  const model = d.model as Partial<ModelRef> | undefined;
  const ok =
    typeof d.seed === 'number' &&
    typeof d.runIndex === 'number' &&
    Number.isSafeInteger(d.runIndex) &&
    d.runIndex >= 0 &&
    typeof d.experiment === 'string' &&
    /^[0-9a-f]{64}$/.test(d.experiment) &&
    typeof model?.module === 'string' &&
    typeof model.exportName === 'string';
  if (!ok)
    throw new QueueError(
      'QUEUE_JOB_INVALID',
      url,
      `job ${jobId} is not a run of this version (experiment, seed, runIndex, model); run workers and submitters from the same checkout`,
    );
  return d as RunJobData;
}
