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
});
