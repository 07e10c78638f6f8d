/**
 * The run queue's benchmark: runs/s of one experiment on local threads (1 and 2) against the Redis
 * queue with 1 and 2 local `tensormarket worker` processes, and the queue's overhead per run (its wall
 * time per run minus the local one at the same parallelism). Starts its own redis-server on loopback;
 * skipped with a message without one. Uses the runner's test model with busy work (10–20 ms a run), so
 * that the figures show the queue, not a model.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createQueueBackend } from '../src/sim/queue/queueBackend.ts';
import { parseQueueUrl } from '../src/sim/queue/queueUrl.ts';
import { runExperiment } from '../src/sim/runner/runExperiment.ts';
import { testModelParamsSchema } from '../src/sim/runner/testModel.testkit.ts';
import { parseScenario } from '../src/sim/scenario/parseScenario.ts';
import { startWorker, stopWorker } from '../test/support/queueWorkerProcess.ts';
import { hasRedis, REDIS_SERVER, startRedisServer } from '../test/support/redisServer.ts';
import { TEST_MODEL_KIT } from '../test/support/runCli.ts';
import { fmt, printTable } from './lib.ts';

const RUNS = 200;
const model = { module: TEST_MODEL_KIT, exportName: 'testModel' };

function scenarioWithSeed(seed: number) {
  const text = `name: queue-bench\nruns: ${RUNS}\nhorizon: 14d\nseed: ${seed}\nmodel:\n  spinPerStep: 80000\n`;
  const r = parseScenario({ text, file: 'queue-bench.yaml', modelSchema: testModelParamsSchema });
  if (!r.ok) throw new Error(r.issues.map((i) => i.message).join('; '));
  return r.scenario;
}

export async function runQueueBench(): Promise<void> {
  if (!hasRedis) {
    process.stdout.write(`\nqueue: skipped (no ${REDIS_SERVER} on PATH; apt-get install redis-server)\n`);
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'tm-queue-bench-'));
  const redis = await startRedisServer();
  const target = parseQueueUrl(redis.url);
  const localWall: Record<number, number> = {};
  const rows: string[][] = [];
  let seed = 1;
  try {
    for (const workers of [1, 2]) {
      const r = await runExperiment({
        model,
        scenario: scenarioWithSeed(seed++),
        workers,
        outDir: join(dir, `local-${workers}`),
      });
      localWall[workers] = r.manifest.wallTimeMs;
      rows.push([
        `local, ${workers} thread${workers === 1 ? '' : 's'}`,
        ...figures(r.manifest.wallTimeMs),
        '',
      ]);
    }
    for (const count of [1, 2]) {
      const procs = await Promise.all(Array.from({ length: count }, () => startWorker(redis.url)));
      const backend = await createQueueBackend({ target, model });
      try {
        // A fresh seed: the same experiment would reuse the stored results.
        const r = await runExperiment({
          model,
          scenario: scenarioWithSeed(seed++),
          backend,
          outDir: join(dir, `queue-${count}`),
        });
        const overhead = (r.manifest.wallTimeMs - (localWall[count] ?? 0)) / RUNS;
        rows.push([
          `queue, ${count} worker${count === 1 ? '' : 's'}`,
          ...figures(r.manifest.wallTimeMs),
          fmt(overhead, 2),
        ]);
      } finally {
        await backend.close();
        await Promise.all(procs.map(stopWorker));
      }
    }
  } finally {
    await redis.stop();
    rmSync(dir, { recursive: true, force: true });
  }
  printTable(
    `queue: ${RUNS} runs of the test model with busy work, wall time including start-up`,
    ['setting', 'wall s', 'runs/s', 'overhead ms/run vs local'],
    rows,
  );
}

function figures(wallMs: number): string[] {
  return [fmt(wallMs / 1000, 2), fmt((RUNS * 1000) / wallMs, 1)];
}
