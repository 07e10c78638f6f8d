/** The command line as a user runs it (`npx tensormarket ...`), for end-to-end tests. */
import { type SpawnSyncReturns, spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';

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
