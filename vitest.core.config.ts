/**
 * `npm run test:core`: the chain core's suites with `src/engine/mechanisms/` out of the module graph.
 * Any attempt to load a module from there fails the run, which proves the core runs without it.
 */
import { availableParallelism } from 'node:os';
import { resolve, sep } from 'node:path';
import { defineConfig, type Plugin } from 'vitest/config';

const mechanisms = resolve(import.meta.dirname, 'src', 'engine', 'mechanisms') + sep;

/** Core folders of the engine whose suites run (everything below the add-ons). */
export const CORE = [
  'fixed',
  'pool',
  'coinbase',
  'emission',
  'registration',
  'rules',
  'state',
  'staking',
  'epoch',
  'genesis',
  'chain',
  'invariants',
];

/** Refuses to resolve or load any module under `src/engine/mechanisms/`. */
function withoutMechanisms(): Plugin {
  const refuse = (id: string, importer?: string) => {
    throw new Error(`the chain core loaded ${id}${importer === undefined ? '' : ` (from ${importer})`}`);
  };
  return {
    name: 'without-mechanisms',
    enforce: 'pre',
    resolveId(source, importer) {
      const path = importer === undefined ? resolve(source) : resolve(importer, '..', source);
      if (source.startsWith('.') && path.startsWith(mechanisms)) refuse(path, importer);
      return null;
    },
    load(id) {
      if (resolve(id).startsWith(mechanisms)) refuse(id);
      return null;
    },
  };
}

/** The core's test files, as globs: run here, and left out of the full run that follows it in `npm test`. */
export const CORE_TESTS = CORE.map((folder) => `src/engine/${folder}/**/*.test.ts`);

export default defineConfig({
  plugins: [withoutMechanisms()],
  test: {
    include: CORE_TESTS,
    reporters: ['default', './test/slowestFilesReporter.ts', './test/countReporter.ts'],
    setupFiles: ['./test/fastCheckSeed.ts'],
    // A worker per core: vitest's default leaves one free, which is a single worker on 2 cores.
    maxWorkers: Math.max(2, availableParallelism()),
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
