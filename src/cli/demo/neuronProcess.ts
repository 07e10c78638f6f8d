/**
 * A miner or validator of the demo as a process of its own: a TypeScript entry run through tsx, ready
 * once it prints its first line (one JSON object) on stdout; its stderr kept for the error that says
 * why it stopped. Stopping sends SIGTERM, then SIGKILL after a grace period, so no process outlives the
 * demo.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { TensormarketError } from '../../engine/errors.ts';

/** A started process and what it said when ready. */
export interface NeuronProcess<Ready> {
  readonly name: string;
  readonly ready: Ready;
  readonly child: ChildProcess;
  /** What it wrote to stderr (the last 4 KiB). */
  stderr(): string;
  /** SIGTERM, then SIGKILL after `graceMs`; resolves once it has exited. */
  stop(graceMs?: number): Promise<void>;
}

/** A neuron process that exited or said nothing in time. */
export class NeuronProcessError extends TensormarketError {
  constructor(name: string, message: string) {
    super('NEURON_PROCESS_FAILED', `${name}: ${message}`, { details: { name } });
  }
}

const TAIL = 4096;

/**
 * Run `entry` (a .ts file) with `args`; resolves when it prints its ready line, rejects when it exits
 * first or stays silent for `readyTimeoutMs`.
 * @example const miner = await startNeuronProcess('miner 1', 'subnets/glyphs/miner.ts', ['--network', url], 60_000)
 */
export function startNeuronProcess<Ready>(
  name: string,
  entry: string,
  args: readonly string[],
  readyTimeoutMs: number,
): Promise<NeuronProcess<Ready>> {
  const loader = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
  const child = spawn(process.execPath, ['--import', loader, entry, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let err = '';
  child.stderr!.setEncoding('utf8').on('data', (d: string) => {
    err = (err + d).slice(-TAIL);
  });
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const stop = async (graceMs = 3_000) => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      await exited;
      clearTimeout(timer);
    }
  };
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => {
      void stop(0);
      reject(new NeuronProcessError(name, `not ready within ${readyTimeoutMs} ms: ${err.trim()}`));
    }, readyTimeoutMs);
    child.stdout!.setEncoding('utf8').on('data', (d: string) => {
      out += d;
      const end = out.indexOf('\n');
      if (end < 0) return;
      const line = out.slice(0, end);
      clearTimeout(timer);
      try {
        resolve({ name, ready: JSON.parse(line) as Ready, child, stderr: () => err, stop });
      } catch {
        void stop(0);
        reject(new NeuronProcessError(name, `its first line is not JSON: ${line.slice(0, 200)}`));
      }
    });
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(new NeuronProcessError(name, error.message));
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new NeuronProcessError(name, `exited (${signal ?? code}) before it was ready: ${err.trim()}`));
    });
  });
}
