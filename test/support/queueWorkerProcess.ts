/** `tensormarket worker` child processes for the queue's tests and benchmark. */
import { type ChildProcess, spawn } from 'node:child_process';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from './runCli.ts';

/** A `tensormarket worker` process (node with tsx's loader: one process, so SIGKILL stops the runs too). */
export interface WorkerProcess {
  readonly child: ChildProcess;
  /** The name BullMQ records as `processedBy` for this worker's jobs. */
  readonly name: string;
  output(): string;
}

/**
 * Start a worker on the queue at `url` and wait until it takes jobs.
 * @example const worker = await startWorker(redis.url, { lockMs: 1500 }); ...; await stopWorker(worker);
 */
export async function startWorker(url: string, { lockMs }: { lockMs?: number } = {}): Promise<WorkerProcess> {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      join(REPO_ROOT, 'src', 'cli', 'bin.ts'),
      'worker',
      '--queue',
      url,
      ...(lockMs === undefined ? [] : ['--lock-ms', String(lockMs)]),
      '--report-every',
      '1',
    ],
    { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let text = '';
  child.stdout?.on('data', (d: Buffer) => {
    text += d.toString();
  });
  child.stderr?.on('data', (d: Buffer) => {
    text += d.toString();
  });
  await new Promise<void>((ready, fail) => {
    const timer = setInterval(() => {
      if (text.includes('taking runs from')) {
        clearInterval(timer);
        ready();
      } else if (child.exitCode !== null) {
        clearInterval(timer);
        fail(new Error(`worker exited ${child.exitCode}: ${text}`));
      }
    }, 50);
  });
  return { child, name: `${hostname()}:${child.pid}`, output: () => text };
}

/** Stop a worker as Ctrl-C would (its running jobs finish) and wait for it to exit. */
export async function stopWorker(worker: WorkerProcess): Promise<void> {
  if (worker.child.exitCode !== null || worker.child.signalCode !== null) return;
  const exited = new Promise((done) => worker.child.once('exit', done));
  worker.child.kill('SIGTERM');
  await exited;
}
