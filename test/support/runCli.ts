/** The command line as a user runs it (`npx tensormarket ...`), for end-to-end tests. */
import { type SpawnSyncReturns, spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

/** The repository's root folder. */
export const REPO_ROOT = resolve(import.meta.dirname, '..', '..');

/** The runner's small test model (fast runs), as the `--model` option names it (the model carries its schema). */
export const TEST_MODEL_KIT = join(REPO_ROOT, 'src', 'sim', 'runner', 'testModel.testkit.ts');
export const TEST_MODEL_ARGS: readonly string[] = ['--model', `${TEST_MODEL_KIT}#testModel`];

/**
 * Run `bin/tensormarket.js` with `args` in `cwd` and wait for it; `timeout` (ms) only guards against a
 * hang (the child is killed and `signal` is set).
 * @example const r = runCli(['scenario', 'schema'], { cwd: dir }); r.status // 0
 */
export function runCli(
  args: readonly string[],
  { cwd, timeout }: { cwd: string; timeout?: number },
): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, [join(REPO_ROOT, 'bin', 'tensormarket.js'), ...args], {
    cwd,
    encoding: 'utf8',
    ...(timeout === undefined ? {} : { timeout }),
  });
}

/** What a finished command printed and how it exited. */
export interface CliResult {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * {@link runCli} without blocking, so that several commands of one test file run side by side.
 * @example const [a, b] = await Promise.all([runCliAsync(['backtest'], { cwd }), runCliAsync(['calibrate'], { cwd })]);
 */
export function runCliAsync(args: readonly string[], { cwd }: { cwd: string }): Promise<CliResult> {
  const child = spawn(process.execPath, [join(REPO_ROOT, 'bin', 'tensormarket.js'), ...args], { cwd });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => {
    stdout += d;
  });
  child.stderr.setEncoding('utf8').on('data', (d: string) => {
    stderr += d;
  });
  return new Promise((done, fail) => {
    child.on('error', fail);
    child.on('close', (status) => done({ status, stdout, stderr }));
  });
}

/**
 * Start `tensormarket simulate` on the test model as the CLI process itself (so a signal reaches it
 * directly), send it Ctrl-C once its progress on stderr matches `interruptWhen`, and wait for it.
 * @example const r = await interruptSimulate({ scenario, out, cwd: dir, interruptWhen: /simulate: 10%/ }); r.code // 130
 */
export async function interruptSimulate({
  scenario,
  out,
  cwd,
  interruptWhen,
}: {
  scenario: string;
  out: string;
  cwd: string;
  interruptWhen: RegExp;
}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const tsxLoader = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
  const child = spawn(
    process.execPath,
    [
      '--import',
      tsxLoader,
      join(REPO_ROOT, 'src', 'cli', 'bin.ts'),
      'simulate',
      scenario,
      ...TEST_MODEL_ARGS,
    ].concat(['--workers', '2', '--out', out]),
    { cwd },
  );
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => {
    stdout += d;
  });
  child.stderr.on('data', (d) => {
    stderr += d;
    if (interruptWhen.test(stderr) && child.exitCode === null && !child.killed) child.kill('SIGINT');
  });
  const code = await new Promise<number | null>((done) => child.on('close', done));
  return { code, stdout, stderr };
}
