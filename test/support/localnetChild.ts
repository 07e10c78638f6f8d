/**
 * A local network for CLI tests: `localnet --json-output` run as the CLI process itself (not through
 * `bin/`, whose wrapper would outlive a signal), on a free port, read from its one JSON startup line.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { z } from 'zod';
import { CLI_JSON_SHAPES } from '../../src/cli/cliJsonShapes.ts';
import { REPO_ROOT } from './runCli.ts';

/** A running node: its startup facts as published, and how to stop it. */
export interface LocalnetChild {
  readonly facts: z.output<(typeof CLI_JSON_SHAPES)['localnet']>;
  /** SIGTERM, and wait for it to exit. */
  stop(): Promise<void>;
}

/**
 * Start `localnet --port 0 --data dataDir --json-output` (or `node start …`) with `args` (e.g.
 * `--block-time instant`).
 * @example const node = await startLocalnetChild(dir, ['--block-time', 'instant']); node.facts.url
 */
export function startLocalnetChild(
  dataDir: string,
  args: readonly string[] = [],
  command: 'localnet' | 'node start' = 'localnet',
): Promise<LocalnetChild> {
  const tsxLoader = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
  const child: ChildProcess = spawn(
    process.execPath,
    [
      '--import',
      tsxLoader,
      join(REPO_ROOT, 'src', 'cli', 'bin.ts'),
      ...command.split(' '),
      '--port',
      '0',
    ].concat(['--data', dataDir, '--json-output', ...args]),
    { cwd: dataDir, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  let err = '';
  child.stderr!.setEncoding('utf8').on('data', (d: string) => {
    err += d;
  });
  return new Promise((done, fail) => {
    let out = '';
    child.stdout!.setEncoding('utf8').on('data', (d: string) => {
      out += d;
      const end = out.indexOf('\n');
      if (end < 0) return;
      try {
        const facts = CLI_JSON_SHAPES[command].parse(JSON.parse(out.slice(0, end)));
        done({
          facts,
          stop: async () => {
            if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
            await exited;
          },
        });
      } catch (error) {
        child.kill('SIGKILL');
        fail(new Error(`localnet's first line is not its startup JSON: ${out}${err}`, { cause: error }));
      }
    });
    child.once('error', fail);
    child.once('exit', (code) =>
      fail(new Error(`localnet exited with ${code} before serving: ${out}${err}`)),
    );
  });
}
