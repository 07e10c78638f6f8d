import { describe, expect, it } from 'vitest';
import { threadExecArgv } from './workerBackend.ts';

describe('threadExecArgv', () => {
  it('drops the flags that load tsx and keeps the others', () => {
    const argv = [
      '--require',
      '/repo/node_modules/tsx/dist/preflight.cjs',
      '--import',
      'file:///repo/node_modules/tsx/dist/loader.mjs',
      '--enable-source-maps',
      '--import',
      'tsx',
      '--import=tsx',
      '--conditions',
      'development',
      '--import',
      './setup.mjs',
    ];
    expect(threadExecArgv(argv)).toEqual([
      '--enable-source-maps',
      '--conditions',
      'development',
      '--import',
      './setup.mjs',
    ]);
  });

  it('leaves the flags to be inherited when none loads tsx', () => {
    expect(threadExecArgv([])).toBeUndefined();
    expect(threadExecArgv(['--enable-source-maps', '--import', './setup.mjs'])).toBeUndefined();
  });

  it('leaves them to be inherited beside a flag a thread could reject', () => {
    expect(threadExecArgv(['--import', 'tsx', '--max-old-space-size=4096'])).toBeUndefined();
    expect(threadExecArgv(['--expose-gc', '--import', 'tsx'])).toBeUndefined();
  });
});
