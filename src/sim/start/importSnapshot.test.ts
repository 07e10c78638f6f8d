import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importSnapshot, type SnapshotInput } from './importSnapshot.ts';
import { SnapshotError } from './snapshotError.ts';
import { startingStateSchema } from './startingState.ts';
import { startingStateFigures } from './startingStateFigures.ts';

/** The recorded chain snapshots, beside the project (`../shared/data`). */
const DATA = resolve(import.meta.dirname, '..', '..', '..', '..', 'shared', 'data');
const NAMES = ['chain_state_2026.csv', 'subnet_roster_2026.csv', 'blocks_2026.csv'];
const haveData = NAMES.every((n) => existsSync(join(DATA, n)));

const real = (): SnapshotInput[] => NAMES.map((name) => ({ name, bytes: readFileSync(join(DATA, name)) }));
const text = (name: string) => readFileSync(join(DATA, name), 'utf8');
const input = (name: string, content: string): SnapshotInput => ({ name, bytes: Buffer.from(content) });
const source = 'test';

/** The problems an import reports, or a failure when it succeeds. */
function problemsOf(inputs: SnapshotInput[]): string[] {
  try {
    importSnapshot({ inputs, label: 't', source });
  } catch (error) {
    if (error instanceof SnapshotError) return error.message.split('\n').slice(1);
    throw error;
  }
  throw new Error('the import succeeded');
}

describe.skipIf(!haveData)('importSnapshot on the recorded 2026 files', () => {
  const state = importSnapshot({ inputs: real(), label: 't', source });
  const f = startingStateFigures(state);

  it('reads the snapshot block, its date and 128 subnets, and matches its own schema', () => {
    console.log(f);
    expect(startingStateSchema.parse(state)).toEqual(state);
    expect(state.snapshot.block).toBe(9_184_186);
    expect(state.snapshot.date).toBe('2026-09-30T23:59:48Z');
    expect(f.subnets).toBe(128);
    expect(state.subnets.map((s) => s.netuid)).toEqual(Array.from({ length: 128 }, (_, i) => i + 1));
    expect(f.notStarted).toBe(4);
    expect(state.files.map((x) => [x.kind, x.rows])).toEqual([
      ['chain-state', 256],
      ['roster', 128],
      ['blocks', 480],
    ]);
    // The data README lists the first 16 hex digits of each file's sha256.
    expect(state.files[0]!.sha256.slice(0, 16)).toBe('f4dfaaad0eb41dcd');
    expect(state.files[1]!.sha256.slice(0, 16)).toBe('85922e3814b4c746');
  });

  it('gives the recorded figures: median 5.23M alpha issued, 533.6M in all, split 39/43/2.6/15 %', () => {
    expect(f.alphaIssuedMedian).toBeCloseTo(5_229_049.32, 1);
    expect(f.alphaIssuedTotal / 1e6).toBeCloseTo(533.64, 2);
    expect(f.inPoolShare).toBeCloseTo(0.3896, 4);
    expect(f.stakedByWalletsShare).toBeCloseTo(0.4315, 4);
    expect(f.protocolOwnedShare).toBeCloseTo(0.0262, 4);
    expect(f.burnedShare).toBeCloseTo(0.1527, 4);
  });

  it('joins the roster: tempo, first emission (null while not started) and the quoted names', () => {
    const sn1 = state.subnets[0]!;
    expect(sn1).toMatchObject({
      name: 'Apex',
      tempo: 99,
      registeredBlock: 1_497_824,
      firstEmissionBlock: 5_228_683,
    });
    expect(state.subnets.find((s) => s.netuid === 59)!.firstEmissionBlock).toBeNull();
    expect(state.subnets.find((s) => s.netuid === 11)!.name).toBe('TrajectoryRL');
  });

  it('fills each gap with a dated parameter or a rule', () => {
    const gaps = Object.fromEntries(state.gaps.map((g) => [g.name, g]));
    expect(gaps.rootStakeTao).toMatchObject({ kind: 'parameter', value: 5_481_210, date: '2026-09-14' });
    expect(gaps.taoIssued).toMatchObject({ kind: 'rule', value: 11_540_400 });
    expect(gaps.emissionDisabledSubnets?.value).toBe(47);
    expect(gaps.minerBurningSubnets?.value).toBe(68);
    expect(gaps.taoUsd).toMatchObject({ value: 218.09, date: '2026-07-04' });
  });

  it('takes the lag rows with label lag: block 8,968,186 and no roster fields for the four re-registered netuids', () => {
    const lag = importSnapshot({ inputs: real(), label: 'lag', source });
    expect(lag.snapshot.block).toBe(8_968_186);
    expect(lag.snapshot.date).toBe('2026-08-31T22:23:48Z');
    const replaced = lag.subnets.filter((s) => s.tempo === null).map((s) => s.netuid);
    expect(replaced).toEqual([35, 76, 82, 108]);
  });

  it('reports one line-numbered problem per bad field and per broken identity', () => {
    const lines = text('chain_state_2026.csv').split('\n');
    // Line 3 is netuid 2 (t): a word for a number; line 5: a pool amount that breaks the identity.
    lines[2] = lines[2]!.replace(',5865282.899044,', ',lots,');
    lines[4] = lines[4]!.replace(',2561882.082771,', ',2561883.082771,');
    lines[6] = lines[6]!.replace(/^t,6,/, 'x,6,');
    const problems = problemsOf([
      input('chain_state_2026.csv', lines.join('\n')),
      input('subnet_roster_2026.csv', text('subnet_roster_2026.csv')),
    ]);
    console.log(problems.join('\n'));
    expect(problems).toEqual([
      expect.stringMatching(/^chain_state_2026\.csv:3: alpha_issued: expected a number, got "lots"/),
      expect.stringMatching(
        /^chain_state_2026\.csv:5: alpha_issued: 6341847\.485472 is not alpha_in_pool \+ .*\(off by -1\.000000/,
      ),
      expect.stringMatching(/^chain_state_2026\.csv:7: label: expected t or lag, got "x"/),
      // Netuid 6 lost its t row, so its roster row has none to join.
      expect.stringMatching(
        /^subnet_roster_2026\.csv:7: netuid: netuid 6 has no t row in chain_state_2026\.csv/,
      ),
    ]);
  });

  it('a file cut short fails on its last line and imports nothing', () => {
    const full = text('chain_state_2026.csv');
    const cut = full.slice(0, full.indexOf('\n', 20_000) + 60);
    const problems = problemsOf([
      input('chain_state_2026.csv', cut),
      input('roster.csv', text('subnet_roster_2026.csv')),
    ]);
    expect(problems[0]).toMatch(/^chain_state_2026\.csv:\d+: has \d+ fields, the header has 33/);
    expect(problems.some((p) => /^roster\.csv:\d+: netuid: netuid \d+ has no t row/.test(p))).toBe(true);
  });
});

describe('importSnapshot on small files', () => {
  it('names missing files and unknown ones', () => {
    expect(problemsOf([input('notes.csv', 'a,b\n1,2\n')])).toEqual([
      expect.stringMatching(/^notes\.csv:1: is not a chain-state, roster or blocks file/),
      expect.stringMatching(/^FILES: no chain-state file given/),
      expect.stringMatching(/^FILES: no roster file given/),
    ]);
  });

  it('names each missing column on line 1', () => {
    const problems = problemsOf([
      input('state.csv', 'label,netuid,alpha_issued\nt,1,5\n'),
      input('roster.csv', 'netuid,subnet_uid\n1,1-0\n'),
    ]);
    expect(problems).toContain(
      'state.csv:1: state_block: missing column; the header needs the columns of chain_state_2026.csv (see ../shared/data/README.md)',
    );
    expect(problems.filter((p) => p.startsWith('roster.csv:1: '))).toHaveLength(7);
  });
});
