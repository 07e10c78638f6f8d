/**
 * `npm test`: lint, typecheck, the chain core's suites without the mechanisms (`npm run test:core`) and
 * every other test, in that order, ending with one line `N passed, N failed` (lint and the two typechecks
 * count as one check each, the rest are vitest's tests; the core's run once, without the mechanisms loaded). Each
 * suite's wall time is printed after it and in a summary before the last line. With arguments (a vitest
 * filter) the core run is skipped and the filter applies to every test.
 */
import { spawnSync } from 'node:child_process';
import { CORE_TESTS } from '../vitest.core.config.ts';

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
/**
 * Add a vitest run's closing `N passed, N failed` line to the counts, and keep the end of its output
 * when it failed. A run without that line, or that failed while none of its tests did, is one more
 * failure: the runner itself failed.
 */
function settle(label: string, r: ReturnType<typeof run>): void {
  const counts = /(\d+) passed, (\d+) failed\s*$/.exec(r.output);
  if (counts !== null) {
    passed += Number(counts[1]);
    failed += Number(counts[2]);
  }
  if (counts === null || (!r.ok && Number(counts[2]) === 0)) failed += 1;
  if (!r.ok) failures.push(`${label} failed (exit ${r.status}):\n${tail(r.output)}\n${tail(r.errors)}`);
}

for (const [label, args] of [
  ['lint', ['biome', 'check', '.']],
  ['typecheck', ['tsc', '--noEmit', '-p', '.']],
  // The dashboard has its own settings (DOM, JSX).
  ['typecheck web', ['tsc', '--noEmit', '-p', 'web']],
] as const) {
  const r = run(label, 'npx', [...args]);
  if (r.ok) passed += 1;
  else {
    failed += 1;
    failures.push(`${label} failed (exit ${r.status}):\n${tail(r.output)}\n${tail(r.errors)}`);
  }
}
if (!filtered)
  settle(
    'core',
    run('core without mechanisms', 'npx', ['vitest', 'run', '--config', 'vitest.core.config.ts']),
  );
// The core's files ran above; the full run leaves them out rather than run them twice.
const exclude = filtered ? [] : CORE_TESTS.flatMap((glob) => ['--exclude', glob]);
settle('tests', run('tests', 'npx', ['vitest', 'run', ...exclude, ...process.argv.slice(2)]));
for (const f of failures) process.stdout.write(`\n== ${f}\n`);
const width = Math.max(...times.map(([label]) => label.length));
process.stdout.write(
  `\n== suite times\n${times.map(([label, s]) => `  ${label.padEnd(width)}  ${s.toFixed(1).padStart(6)} s`).join('\n')}\n`,
);
process.stdout.write(`\n${passed} passed, ${failed} failed\n`);
process.exitCode = failed > 0 ? 1 : 0;
