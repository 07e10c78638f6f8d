/**
 * `npm test`: lint, typecheck, the chain core's suites without the mechanisms (`npm run test:core`) and
 * every test, in that order, ending with one line `N passed, N failed` (lint, typecheck and the core
 * run count as one check each, the rest are vitest's tests). With arguments (a vitest filter) the core
 * run is skipped.
 */
import { spawnSync } from 'node:child_process';

function run(label: string, command: string, args: string[]): { ok: boolean; output: string } {
  process.stdout.write(`\n== ${label}: ${command} ${args.join(' ')}\n`);
  const r = spawnSync(command, args, { stdio: ['inherit', 'pipe', 'inherit'], encoding: 'utf8' });
  process.stdout.write(r.stdout ?? '');
  return { ok: r.status === 0, output: r.stdout ?? '' };
}

let passed = 0;
let failed = 0;
const filtered = process.argv.length > 2;
for (const [label, args] of [
  ['lint', ['biome', 'check', '.']],
  ['typecheck', ['tsc', '--noEmit', '-p', '.']],
  ...(filtered
    ? []
    : ([['core without mechanisms', ['vitest', 'run', '--config', 'vitest.core.config.ts']]] as const)),
] as const) {
  if (run(label, 'npx', [...args]).ok) passed += 1;
  else failed += 1;
}
const tests = run('tests', 'npx', ['vitest', 'run', ...process.argv.slice(2)]);
const counts = /(\d+) passed, (\d+) failed\s*$/.exec(tests.output);
if (counts) {
  passed += Number(counts[1]);
  failed += Number(counts[2]);
} else {
  failed += 1;
}
if (!tests.ok && counts && Number(counts[2]) === 0) failed += 1; // the runner itself failed
process.stdout.write(`\n${passed} passed, ${failed} failed\n`);
process.exitCode = failed > 0 ? 1 : 0;
