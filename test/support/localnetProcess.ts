/**
 * A local network in a child process of its own process group, so that a kill reaches the node itself
 * (the `bin/` wrapper would leave it running): started on a free port, its URL read from what it prints.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { REPO_ROOT } from './runCli.ts';

const ENTRY = join(REPO_ROOT, 'test', 'support', 'localnetCommand.ts');

/** A running node. */
export interface LocalnetProcess {
  readonly child: ChildProcess;
  /** `http://127.0.0.1:PORT/`. */
  readonly url: string;
  /** Milliseconds from spawn to serving. */
  readonly startMs: number;
  /** What it wrote to stderr so far. */
  stderr(): string;
  /** SIGKILL the node's process group and wait for it to be gone. */
  kill(): Promise<void>;
  /** SIGTERM (a clean stop) and wait. */
  stop(): Promise<void>;
}

/**
 * Start `localnet --port 0 --data dataDir` with `args` (e.g. `--block-time 50ms`, `--fresh`).
 * @example const node = await startLocalnetProcess(dir, ['--block-time', '50ms', '--fresh'])
 */
export function startLocalnetProcess(
  dataDir: string,
  args: readonly string[] = [],
): Promise<LocalnetProcess> {
  const started = performance.now();
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', ENTRY, 'localnet', '--port', '0', '--data', dataDir, ...args],
    { cwd: REPO_ROOT, detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let err = '';
  child.stderr!.setEncoding('utf8').on('data', (d: string) => {
    err += d;
  });
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const signal = async (name: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) {
      try {
        process.kill(-child.pid!, name);
      } catch {
        // Already gone.
      }
    }
    await exited;
  };
  return new Promise((done, fail) => {
    let out = '';
    child.stdout!.setEncoding('utf8').on('data', (d: string) => {
      out += d;
      const m = /local network at (http:\/\/\S+)/.exec(out);
      if (m === null) return;
      done({
        child,
        url: m[1]!,
        startMs: performance.now() - started,
        stderr: () => err,
        kill: () => signal('SIGKILL'),
        stop: () => signal('SIGTERM'),
      });
    });
    child.once('exit', (code) =>
      fail(new Error(`localnet exited with ${code} before serving: ${out}${err}`)),
    );
  });
}
