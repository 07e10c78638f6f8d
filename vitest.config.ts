import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'subnets/**/*.test.ts', 'test/**/*.test.ts', 'web/src/**/*.test.ts'],
    reporters: ['default', './test/slowestFilesReporter.ts', './test/countReporter.ts'],
    setupFiles: ['./test/fastCheckSeed.ts'],
    // Vitest leaves a core free by default, which is one worker on a 2-core machine; many files here wait
    // on child processes (the CLI, nodes, browsers, workers), so a worker per core keeps both busy.
    maxWorkers: Math.max(2, availableParallelism()),
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
