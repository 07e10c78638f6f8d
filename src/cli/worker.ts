/**
 * `tensormarket worker --queue URL`: take runs of any experiment from the Redis queue that `simulate` or
 * `compare --queue URL` fill, and execute them, until SIGINT or SIGTERM. The first signal stops taking
 * jobs and lets the running ones finish; a second one quits at once (the queue gives those jobs to
 * another worker once their lock expires).
 */
import type { Command } from 'commander';
import { DEFAULT_LOCK_MS } from '../sim/queue/queueSettings.ts';
import { parseQueueUrl, type QueueTarget } from '../sim/queue/queueUrl.ts';
import { type QueueWorkerCounts, startQueueWorker } from '../sim/queue/queueWorker.ts';
import { dim } from './output.ts';
import { QUEUE_OPTION } from './runOptions.ts';
import { wholeNumber } from './wholeNumber.ts';

/** Jobs between two progress lines unless `--report-every` says otherwise. */
const REPORT_EVERY = 100;

interface WorkerOptions {
  queue: QueueTarget;
  concurrency: string;
  lockMs: string;
  reportEvery: string;
  quiet?: boolean;
}

const countsText = ({ completed, errored, failed }: QueueWorkerCounts) =>
  `${completed} run${completed === 1 ? '' : 's'} done (${errored} errored), ${failed} failed attempt${failed === 1 ? '' : 's'}`;

/** Register the `worker` command. */
export function registerWorker(program: Command): void {
  program
    .command('worker')
    .description('execute the runs of `simulate`/`compare --queue URL` from a Redis queue, until Ctrl-C')
    .requiredOption(`${QUEUE_OPTION} <url>`, 'the Redis queue, redis://HOST:PORT', (text: string) =>
      parseQueueUrl(text, QUEUE_OPTION),
    )
    .option('--concurrency <n>', 'runs at once, each in its own worker thread', '1')
    .option(
      '--lock-ms <ms>',
      "how long a job stays claimed without this worker's heartbeat before another worker may take it",
      String(DEFAULT_LOCK_MS),
    )
    .option('--report-every <n>', 'jobs between two progress lines', String(REPORT_EVERY))
    .option('--quiet', 'no progress lines')
    .action(async (opts: WorkerOptions) => {
      const concurrency = wholeNumber(opts.concurrency, '--concurrency', 1, 1024);
      const lockMs = wholeNumber(opts.lockMs, '--lock-ms', 1000, 3_600_000);
      const every = wholeNumber(opts.reportEvery, '--report-every', 1, 1_000_000);
      const say = (line: string) => {
        if (opts.quiet !== true) process.stdout.write(`worker: ${line}\n`);
      };
      const worker = await startQueueWorker({
        target: opts.queue,
        concurrency,
        lockMs,
        onJob: (counts, failure) => {
          if (failure !== undefined) process.stderr.write(`worker: an attempt failed: ${failure}\n`);
          const jobs = counts.completed + counts.failed;
          if (jobs % every === 0) say(countsText(counts));
        },
        onError: (error) => process.stderr.write(`worker: ${error.message}\n`),
      });
      say(
        `taking runs from ${opts.queue.url} with ${concurrency} thread${concurrency === 1 ? '' : 's'} ${dim('(Ctrl-C stops)')}`,
      );
      await new Promise<void>((stopped) => {
        let signals = 0;
        const onSignal = () => {
          signals += 1;
          if (signals > 1) {
            process.stderr.write('worker: stopped twice; quitting now (running jobs go to other workers)\n');
            process.exit(130);
          }
          say('stopping: finishing the runs in progress');
          worker.close().then(stopped, (error: unknown) => {
            process.stderr.write(`worker: ${(error as Error).message}\n`);
            stopped();
          });
        };
        process.on('SIGINT', onSignal);
        process.on('SIGTERM', onSignal);
      });
      say(`stopped: ${countsText(worker.counts())}`);
    });
}
