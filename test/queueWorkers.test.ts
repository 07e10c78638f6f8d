/**
 * Experiments through the Redis queue end to end: a throwaway redis-server on loopback, `tensormarket
 * worker` child processes, and a submitter whose runs.csv and summary.json must be the same bytes as a
 * local run's, after a worker is killed mid-run, after the submitter itself is stopped and restarted,
 * and with a run that throws.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createQueueBackend } from '../src/sim/queue/queueBackend.ts';
import { connectionOptions, RUN_QUEUE_NAME } from '../src/sim/queue/queueSettings.ts';
import { parseQueueUrl, type QueueTarget } from '../src/sim/queue/queueUrl.ts';
import { experimentHash, portableModelRef, runJobId } from '../src/sim/queue/runJob.ts';
import type { ModelRef } from '../src/sim/runner/modelRef.ts';
import { runExperiment } from '../src/sim/runner/runExperiment.ts';
import { testModelParamsSchema } from '../src/sim/runner/testModel.testkit.ts';
import { parseScenario } from '../src/sim/scenario/parseScenario.ts';
import type { Scenario } from '../src/sim/scenario/scenarioSchema.ts';
import { runSweep } from '../src/sim/sweep/runSweep.ts';
import { writeSweep } from '../src/sim/sweep/writeSweep.ts';
import { startWorker, stopWorker, type WorkerProcess } from './support/queueWorkerProcess.ts';
import { hasRedis, REDIS_SERVER, type RedisServer, startRedisServer } from './support/redisServer.ts';
import { TEST_MODEL_KIT } from './support/runCli.ts';
import { createTempDirs } from './support/tempDirs.ts';

const tempDir = createTempDirs('tm-queue-');
const model: ModelRef = { module: TEST_MODEL_KIT, exportName: 'testModel' };
// A short lock, so that a killed worker's job goes to the other one within about two seconds.
const LOCK_MS = 1500;
const skipped = hasRedis ? '' : ` (skipped: no ${REDIS_SERVER} on PATH)`;

function scenario(yaml: string): Scenario {
  const r = parseScenario({ text: `name: q\n${yaml}`, file: 'q.yaml', modelSchema: testModelParamsSchema });
  if (!r.ok) throw new Error(r.issues.map((i) => i.message).join('; '));
  return r.scenario;
}

const bytes = (dir: string) => ({
  runsCsv: readFileSync(join(dir, 'runs.csv'), 'utf8'),
  summary: readFileSync(join(dir, 'summary.json'), 'utf8'),
});

describe('experiments through the Redis queue', () => {
  let redis: RedisServer;
  let target: QueueTarget;
  let inspect: Queue;
  const workers: WorkerProcess[] = [];

  beforeAll(async () => {
    if (!hasRedis) return;
    redis = await startRedisServer();
    target = parseQueueUrl(redis.url);
    inspect = new Queue(RUN_QUEUE_NAME, { connection: connectionOptions(target) });
    workers.push(
      ...(await Promise.all([
        startWorker(redis.url, { lockMs: LOCK_MS }),
        startWorker(redis.url, { lockMs: LOCK_MS }),
      ])),
    );
  });

  afterAll(async () => {
    if (!hasRedis) return;
    await Promise.all(workers.map(stopWorker));
    await inspect.close();
    await redis.stop();
  });

  const jobsOf = async (s: Scenario) => {
    const hash = experimentHash({ scenario: s, seed: s.seed, model: portableModelRef(model) });
    return Promise.all(
      Array.from({ length: s.runs }, async (_, i) => {
        const job = await inspect.getJob(runJobId(hash, i));
        if (job === undefined) throw new Error(`no job for run ${i}`);
        return job;
      }),
    );
  };

  it.skipIf(!hasRedis)(
    `gives a local run's bytes with two workers, one killed mid-run, and an errored run${skipped}`,
    async () => {
      // ~130 ms a run: long enough to catch a worker in the middle of one.
      const s = scenario('runs: 16\nhorizon: 14d\nseed: 3\nmodel:\n  spinPerStep: 500000\n  failRuns: [5]\n');
      const local = tempDir();
      await runExperiment({ model, scenario: s, workers: 1, outDir: local });

      const [victim] = workers;
      if (victim === undefined) throw new Error('no worker');
      let killedDuring: string | undefined;
      const watcher = setInterval(async () => {
        if (killedDuring !== undefined) return;
        const active = await inspect.getActive();
        const mine = active.find((job) => job.processedBy === victim.name);
        if (mine?.id !== undefined && killedDuring === undefined) {
          killedDuring = mine.id;
          victim.child.kill('SIGKILL');
        }
      }, 20);
      const backend = await createQueueBackend({ target, model });
      const out = tempDir();
      let result: Awaited<ReturnType<typeof runExperiment>>;
      try {
        result = await runExperiment({ model, scenario: s, backend, outDir: out });
      } finally {
        clearInterval(watcher);
        await backend.close();
      }
      expect(killedDuring).toBeDefined();
      expect(result.manifest.queue).toEqual({ url: redis.url });
      expect(result.summary.errors).toEqual([{ runIndex: 5, message: 'test failure in run 5' }]);
      expect(bytes(out)).toEqual(bytes(local));
      // The killed worker's job was started again elsewhere and completed there, once.
      const retried = (await jobsOf(s)).find((job) => job.id === killedDuring);
      expect(retried?.attemptsStarted).toBeGreaterThanOrEqual(2);
      expect(retried?.processedBy).not.toBe(victim.name);
      expect(await retried?.getState()).toBe('completed');
      // A run that throws is a result, not a failure: its job ran once.
      expect((await jobsOf(s))[5]?.attemptsStarted).toBe(1);
    },
  );

  it.skipIf(!hasRedis)(
    `retries a job whose model cannot be loaded, then reports the run as errored${skipped}`,
    async () => {
      const missing: ModelRef = { module: TEST_MODEL_KIT, exportName: 'noSuchModel' };
      const s = scenario('runs: 1\nhorizon: 14d\nseed: 5\n');
      const backend = await createQueueBackend({ target, model: missing });
      let records: Awaited<ReturnType<typeof backend.run>>;
      try {
        records = await backend.run({ scenario: s, seed: s.seed, start: 0, count: 1 });
      } finally {
        await backend.close();
      }
      expect(records).toHaveLength(1);
      const [record] = records;
      expect(record?.ok).toBe(false);
      expect(record?.ok === false ? record.message : '').toMatch(
        /^queue: job .* failed: worker failed: .*noSuchModel/,
      );
      const hash = experimentHash({ scenario: s, seed: s.seed, model: portableModelRef(missing) });
      const job = await inspect.getJob(runJobId(hash, 0));
      expect(job?.attemptsMade).toBe(3);
    },
  );

  it.skipIf(!hasRedis)(
    `resumes a stopped submitter from the stored results without running them again${skipped}`,
    async () => {
      const s = scenario('runs: 24\nhorizon: 14d\nseed: 4\nmodel:\n  spinPerStep: 100000\n');
      const local = tempDir();
      await runExperiment({ model, scenario: s, workers: 1, outDir: local });
      const out = tempDir();

      const stop = new AbortController();
      // Two slots: a few runs in the queue at a time, so that the stop leaves most of them unsubmitted.
      const first = await createQueueBackend({ target, model, slots: 2 });
      let stoppedAt = 0;
      try {
        const partial = await runExperiment({
          model,
          scenario: s,
          backend: first,
          outDir: out,
          signal: stop.signal,
          onProgress: (p) => {
            if (p.done >= 6) stop.abort();
          },
        });
        expect(partial.aborted).toBe(true);
        stoppedAt = partial.summary.runs.completed;
      } finally {
        await first.close();
      }
      expect(stoppedAt).toBeGreaterThanOrEqual(6);
      expect(stoppedAt).toBeLessThan(24);
      const restartedAt = Date.now();

      const second = await createQueueBackend({ target, model });
      try {
        const full = await runExperiment({ model, scenario: s, backend: second, outDir: out });
        expect(full.aborted).toBe(false);
      } finally {
        await second.close();
      }
      expect(bytes(out)).toEqual(bytes(local));
      const jobs = await jobsOf(s);
      // Every run executed exactly once; those collected before the stop finished before the restart.
      expect(jobs.map((job) => job.attemptsStarted)).toEqual(jobs.map(() => 1));
      const early = jobs.filter((job) => (job.finishedOn ?? 0) < restartedAt).length;
      expect(early).toBeGreaterThanOrEqual(stoppedAt);
    },
  );

  it.skipIf(!hasRedis)(
    `runs a sweep's points through the workers: the sweep's files are a local sweep's bytes${skipped}`,
    async () => {
      const swept = scenario(
        'runs: 3\nhorizon: 60d\nrecordEvery: 30\nsweep:\n  method: sobol\n  samples: 4\n  outcomes: [return]\n  parameters:\n    drift: {}\n    volatility: {}\n',
      );
      const write = async (backend: Awaited<ReturnType<typeof createQueueBackend>> | undefined) => {
        const out = tempDir();
        const result = await runSweep({
          model,
          scenario: swept,
          runs: 3,
          workers: 1,
          ...(backend === undefined ? {} : { backend }),
        });
        const { manifest } = await writeSweep({
          outDir: out,
          model,
          scenario: swept,
          result,
          startedAt: 'now',
        });
        return { out, manifest };
      };
      const local = await write(undefined);
      const backend = await createQueueBackend({ target, model });
      const queued = await write(backend).finally(() => backend.close());
      for (const name of ['sweep.csv', 'sobol.csv', 'sweep.json'])
        expect(readFileSync(join(queued.out, name), 'utf8'), name).toBe(
          readFileSync(join(local.out, name), 'utf8'),
        );
      expect(queued.manifest).toMatchObject({ workers: 0, queue: { url: target.url } });
    },
  );
});
