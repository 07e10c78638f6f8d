import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'subnets/**/*.test.ts', 'test/**/*.test.ts', 'web/src/**/*.test.ts'],
    reporters: ['default', './test/slowestFilesReporter.ts', './test/countReporter.ts'],
    setupFiles: ['./test/fastCheckSeed.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
