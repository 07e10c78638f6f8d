/**
 * `npm test`: lint, typecheck, the chain core's suites without the mechanisms (`npm run test:core`) and
 * every test, in that order, ending with one line `N passed, N failed` (lint, the two typechecks and the
 * core run count as one check each, the rest are vitest's tests). Each suite's wall time is printed after it
 * and in a summary before the last line. With arguments (a vitest filter) the core run is skipped.
 */
import { spawnSync } from 'node:child_process';

function run(
  label: string,
  command: string,
  args: string[],
): { ok: boolean; status: number | null; output: string; errors: string } {
  process.stdout.write(`\n== ${label}: ${command} ${args.join(' ')}\n`);
  const started = performance.now();
  const r = spawnSync(command, args, {
    stdio: ['inherit', 'pipe', 'pipe'],
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  process.stdout.write(r.stdout ?? '');
  process.stderr.write(r.stderr ?? '');
  const seconds = (performance.now() - started) / 1000;
  times.push([label, seconds]);
  process.stdout.write(`== ${label}: ${seconds.toFixed(1)} s\n`);
  // The count line is stdout's last; a failure's cause may be on either stream.
  return {
    ok: r.status === 0,
    status: r.status,
    output: r.stdout ?? '',
    errors: `${r.stderr ?? ''}${r.error?.message ?? ''}`,
  };
}

/** Each suite's label and wall time in seconds, in run order. */
const times: [string, number][] = [];
let passed = 0;
let failed = 0;
/** The checks that failed, with the end of what they printed (repeated at the end, where logs are cut). */
const failures: string[] = [];
const tail = (text: string) => text.trimEnd().split('\n').slice(-40).join('\n');
const filtered = process.argv.length > 2;
for (const [label, args] of [
  ['lint', ['biome', 'check', '.']],
  ['typecheck', ['tsc', '--noEmit', '-p', '.']],
  // The dashboard has its own settings (DOM, JSX).
  ['typecheck web', ['tsc', '--noEmit', '-p', 'web']],
  ...(filtered
    ? []
    : ([['core without mechanisms', ['vitest', 'run', '--config', 'vitest.core.config.ts']]] as const)),
] as const) {
  const r = run(label, 'npx', [...args]);
  if (r.ok) passed += 1;
  else {
    failed += 1;
    failures.push(`${label} failed (exit ${r.status}):\n${tail(r.output)}\n${tail(r.errors)}`);
  }
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
if (!tests.ok)
  failures.push(`tests failed (exit ${tests.status}):\n${tail(tests.output)}\n${tail(tests.errors)}`);
for (const f of failures) process.stdout.write(`\n== ${f}\n`);
const width = Math.max(...times.map(([label]) => label.length));
process.stdout.write(
  `\n== suite times\n${times.map(([label, s]) => `  ${label.padEnd(width)}  ${s.toFixed(1).padStart(6)} s`).join('\n')}\n`,
);
process.stdout.write(`\n${passed} passed, ${failed} failed\n`);
process.exitCode = failed > 0 ? 1 : 0;
