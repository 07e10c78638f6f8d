/**
 * Before vs after: the default scenario's futures (`tensormarket simulate --runs 1000 --quiet --out …`,
 * the default workers) timed in a temporary git worktree of another revision and in this checkout, in
 * alternation (ABBA order, so that a drift in the machine's load falls on both), then the worktree is
 * removed. Wall time is what a user waits; the CPU time of the command's processes is printed beside it
 * because other work on the machine moves wall time more.
 */
import { type SpawnSyncReturns, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../src/sim/runner/manifest.ts';
import { fmt, median, printTable } from './lib.ts';

/** Options of {@link benchAgainstRevision}. */
export interface AgainstOptions {
  /** A git revision of this repository (commit, branch or tag). */
  readonly revision: string;
  /** Timings of each checkout (at least 2). */
  readonly rounds?: number;
  readonly runs?: number;
}

/** CPU seconds of this process's finished children (Linux /proc; NaN elsewhere). */
function childrenCpuSeconds(): number {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // Fields 16 and 17 of proc(5) (cutime, cstime), counted from after the command name.
    return (Number(fields[13]) + Number(fields[14])) / 100;
  } catch {
    return Number.NaN;
  }
}

function git(args: readonly string[]): SpawnSyncReturns<string> {
  return spawnSync('git', ['-C', PROJECT_ROOT, ...args], { encoding: 'utf8' });
}

/** One timed `simulate` in `tree`, writing to `out`. */
function timeSimulate(tree: string, out: string, runs: number): { wallS: number; cpuS: number } {
  const cpu0 = childrenCpuSeconds();
  const t0 = performance.now();
  const r = spawnSync(
    process.execPath,
    [join(tree, 'bin', 'tensormarket.js'), 'simulate', '--runs', String(runs), '--quiet', '--out', out],
    { cwd: tree, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  const wallS = (performance.now() - t0) / 1000;
  if (r.status !== 0) throw new Error(`simulate in ${tree} failed: ${(r.stderr ?? '').slice(-2000)}`);
  return { wallS, cpuS: childrenCpuSeconds() - cpu0 };
}

/** Whether two output folders hold the same runs.csv and summary.json bytes. */
function sameResults(a: string, b: string): boolean {
  return ['runs.csv', 'summary.json'].every((f) => readFileSync(join(a, f)).equals(readFileSync(join(b, f))));
}

/**
 * Time `revision` against this checkout and print both and their ratio.
 * @example benchAgainstRevision({ revision: 'main' })
 */
export function benchAgainstRevision({ revision, rounds = 2, runs = 1000 }: AgainstOptions): void {
  const resolved = git(['rev-parse', '--verify', `${revision}^{commit}`]);
  if (resolved.status !== 0) throw new Error(`--against: "${revision}" is not a revision of this repository`);
  const commit = resolved.stdout.trim();
  const tmp = mkdtempSync(join(tmpdir(), 'tm-bench-against-'));
  const tree = join(tmp, 'tree');
  process.stdout.write(
    `\nsim before vs after: ${runs} futures of scenarios/default.yaml at ${revision} (${commit.slice(0, 12)}) and here, ${Math.max(2, rounds)} rounds each, alternating\n`,
  );
  try {
    const added = git(['worktree', 'add', '--detach', tree, commit]);
    if (added.status !== 0) throw new Error(`git worktree add failed: ${added.stderr}`);
    symlinkSync(join(PROJECT_ROOT, 'node_modules'), join(tree, 'node_modules'), 'dir');
    const checkouts = { before: tree, after: PROJECT_ROOT } as const;
    const times: Record<keyof typeof checkouts, { wallS: number; cpuS: number }[]> = {
      before: [],
      after: [],
    };
    const rows: string[][] = [];
    let identical = true;
    for (let round = 0; round < Math.max(2, rounds); round++) {
      const order = round % 2 === 0 ? (['before', 'after'] as const) : (['after', 'before'] as const);
      const outs: Partial<Record<keyof typeof checkouts, string>> = {};
      for (const which of order) {
        const out = join(tmp, `${which}-${round}`);
        times[which].push(timeSimulate(checkouts[which], out, runs));
        outs[which] = out;
      }
      identical &&= sameResults(outs.before!, outs.after!);
      for (const out of Object.values(outs)) rmSync(out, { recursive: true, force: true });
      const b = times.before.at(-1)!;
      const a = times.after.at(-1)!;
      rows.push([
        String(round + 1),
        order.join(' then '),
        fmt(b.wallS, 1),
        fmt(a.wallS, 1),
        fmt(b.cpuS, 1),
        fmt(a.cpuS, 1),
      ]);
    }
    const wall = (which: keyof typeof checkouts) => median(times[which].map((t) => t.wallS));
    const cpu = (which: keyof typeof checkouts) => median(times[which].map((t) => t.cpuS));
    rows.push([
      'median',
      '',
      fmt(wall('before'), 1),
      fmt(wall('after'), 1),
      fmt(cpu('before'), 1),
      fmt(cpu('after'), 1),
    ]);
    printTable(
      `simulate --runs ${runs} --quiet (default workers), seconds; runs.csv and summary.json ${identical ? 'identical' : 'DIFFER'} between the two`,
      ['round', 'order', 'before wall', 'after wall', 'before CPU', 'after CPU'],
      rows,
    );
    process.stdout.write(
      `  before / after: wall ${fmt(wall('before') / wall('after'), 2)}x, CPU ${fmt(cpu('before') / cpu('after'), 2)}x (a shared machine: read with its load in mind)\n`,
    );
  } finally {
    if (existsSync(tree)) git(['worktree', 'remove', '--force', tree]);
    rmSync(tmp, { recursive: true, force: true });
    git(['worktree', 'prune']);
  }
}
