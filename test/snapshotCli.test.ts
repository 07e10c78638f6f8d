/**
 * `tensormarket snapshot import` end to end: the recorded files in ../shared/data give a starting-state
 * file; bad or cut-short files give one line-numbered problem each, exit 2 and no file at all.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startingStateSchema } from '../src/sim/start/startingState.ts';
import { REPO_ROOT, runCli } from './support/runCli.ts';
import { createTempDirs } from './support/tempDirs.ts';

const tempDir = createTempDirs('tm-snapshot-cli-');
const DATA = resolve(REPO_ROOT, '..', 'shared', 'data');
const haveData = existsSync(join(DATA, 'chain_state_2026.csv'));
const shared = (name: string) => readFileSync(join(DATA, name), 'utf8');

describe.skipIf(!haveData)('tensormarket snapshot import', () => {
  it('imports the recorded files by default and prints the block, figures and gaps', () => {
    const dir = tempDir();
    const r = runCli(['snapshot', 'import', '--out', 'start/mainnet.json'], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('snapshot: block 9184186, 2026-09-30T23:59:48Z, rows labelled t');
    expect(r.stdout).toContain(
      'subnets: 128 (4 not yet emitting); alpha issued 533.64M in all, median 5.23M',
    );
    expect(r.stdout).toContain('protocol-owned 2.6%, burned 15.3%');
    expect(r.stdout).toMatch(/rootStakeTao = 5481210 TAO \(subtensor issue 3157/);
    expect(r.stdout).toContain('wrote start/mainnet.json');
    const state = startingStateSchema.parse(
      JSON.parse(readFileSync(join(dir, 'start', 'mainnet.json'), 'utf8')),
    );
    expect(state.snapshot.block).toBe(9_184_186);
    expect(state.subnets).toHaveLength(128);
    expect(readdirSync(join(dir, 'start'))).toEqual(['mainnet.json']);
    // The shipped starting state is exactly what the command makes of the recorded files.
    const shipped = join(REPO_ROOT, 'scenarios', 'start', 'mainnet-2026-09-30.json');
    expect(readFileSync(join(dir, 'start', 'mainnet.json'), 'utf8')).toBe(readFileSync(shipped, 'utf8'));
  });

  it('a file with several bad lines: one problem per line, exit 2, nothing written', () => {
    const dir = tempDir();
    const lines = shared('chain_state_2026.csv').split('\n');
    lines[9] = lines[9]!.replace(/^t,9,9184186,/, 't,9,9184186x,');
    lines[20] = lines[20]!.replace(/,[01]$/, ',2');
    lines[40] = lines[40]!.split(',').slice(0, 20).join(',');
    writeFileSync(join(dir, 'state.csv'), lines.join('\n'));
    writeFileSync(join(dir, 'roster.csv'), shared('subnet_roster_2026.csv'));
    const r = runCli(['snapshot', 'import', 'state.csv', 'roster.csv', '--out', 'out.json'], { cwd: dir });
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    const problems = r.stderr.trim().split('\n');
    expect(problems[0]).toMatch(/^error \[INVALID_SNAPSHOT\] 4 problems; nothing was written$/);
    expect(problems.slice(1)).toEqual([
      'state.csv:10: state_block: expected a whole number, got "9184186x"; write digits only (no units or separators)',
      'state.csv:21: startup_mode: expected 0 or 1, got "2"; write 0 or 1',
      'state.csv:41: has 20 fields, the header has 33; quote fields that contain commas, and check the line is complete',
      // The cut row leaves its roster row unmatched.
      expect.stringMatching(/^roster\.csv:41: netuid: netuid 40 has no t row in state\.csv/),
    ]);
    expect(readdirSync(dir).sort()).toEqual(['roster.csv', 'state.csv']);
  });

  it('a cut-short roster (inside a quoted description) errors and writes nothing', () => {
    const dir = tempDir();
    const roster = shared('subnet_roster_2026.csv');
    writeFileSync(join(dir, 'roster.csv'), roster.slice(0, roster.indexOf('"Agentic RL') + 20));
    const r = runCli(
      ['snapshot', 'import', join(DATA, 'chain_state_2026.csv'), 'roster.csv', '--out', 'out.json'],
      { cwd: dir },
    );
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/roster\.csv:12: a quoted field is not closed before the end of the file/);
    expect(r.stderr).toMatch(/chain_state_2026\.csv:13: netuid: netuid 12 has no row in roster\.csv/);
    expect(readdirSync(dir)).toEqual(['roster.csv']);
  });

  it('refuses a label other than t or lag', () => {
    const r = runCli(['snapshot', 'import', '--label', 'now'], { cwd: tempDir() });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--label: expected t or lag, got "now"/);
  });
});
