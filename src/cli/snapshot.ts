/**
 * `tensormarket snapshot import [FILES...]`: read recorded chain snapshots (by default the files in
 * ../shared/data) and write a starting-state file that a scenario's `start:` section names.
 */
import { readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import type { Command } from 'commander';
import { InputError } from '../engine/errors.ts';
import { importSnapshot, type SnapshotInput } from '../sim/start/importSnapshot.ts';
import { SnapshotError, type SnapshotProblem } from '../sim/start/snapshotError.ts';
import { SNAPSHOT_LABELS, type SnapshotLabel, type StartingState } from '../sim/start/startingState.ts';
import { startingStateFigures } from '../sim/start/startingStateFigures.ts';
import { writeStartingState } from '../sim/start/writeStartingState.ts';
import { addJsonOptions, type JsonOptions, printJson, wantsJson } from './commandOutput.ts';
import { defaultDataDir } from './defaultDataDir.ts';
import { finiteOrNull, green, nearPath } from './output.ts';

/** The recorded files read when none are given, in `../shared/data` of the project. */
export const DEFAULT_SNAPSHOT_FILES = [
  'chain_state_2026.csv',
  'subnet_roster_2026.csv',
  'blocks_2026.csv',
] as const;

/** Where the recorded files come from (see the data README), for the starting state's header. */
const DEFAULT_SOURCE =
  'GitHub pkoellinger/bittensor-subnet-price-correlates, commit e18ef6051e67f8310698eac30157572dc0e595ff, Code/collection/data/chain/ (state_wave1.csv, roster_wave1.csv, blocks_wave1.csv), as kept in ../shared/data';

/** Read every file; all unreadable files are reported together. */
function readInputs(paths: readonly string[]): SnapshotInput[] {
  const inputs: SnapshotInput[] = [];
  const problems: SnapshotProblem[] = [];
  for (const path of paths) {
    try {
      inputs.push({ name: basename(path), bytes: readFileSync(path) });
    } catch (cause) {
      const reason = cause instanceof Error ? cause.message : String(cause);
      problems.push({
        file: path,
        line: 0,
        column: '',
        message: `cannot be read (${reason}); check the path`,
      });
    }
  }
  if (problems.length > 0) throw new SnapshotError('SNAPSHOT_UNREADABLE', problems);
  return inputs;
}

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
const millions = (x: number) => `${(x / 1e6).toFixed(2)}M`;

/** What the import prints: the snapshot, the recorded figures and every filled gap. */
export function describeStartingState(state: StartingState, out: string): string {
  const f = startingStateFigures(state);
  const s = state.snapshot;
  const lines = [
    `snapshot: block ${s.block}${s.date === null ? ' (no blocks file: date unknown)' : `, ${s.date}`}, rows labelled ${s.label}`,
    `source: ${s.source}`,
    `files: ${state.files.map((x) => `${x.name} (${x.rows} rows, sha256 ${x.sha256.slice(0, 16)})`).join(', ')}`,
    `subnets: ${f.subnets} (${f.notStarted} not yet emitting); alpha issued ${millions(f.alphaIssuedTotal)} in all, median ${millions(f.alphaIssuedMedian)}`,
    `alpha split: in pool ${pct(f.inPoolShare)}, staked by wallets ${pct(f.stakedByWalletsShare)}, protocol-owned ${pct(f.protocolOwnedShare)}, burned ${pct(f.burnedShare)}; median validators ${f.validatorsMedian}`,
    'gaps of the snapshot, filled:',
    ...state.gaps.map((g) =>
      g.kind === 'parameter'
        ? `  ${g.name} = ${g.value} ${g.unit} (${g.source}, ${g.date}): ${g.what}`
        : `  ${g.name} = ${g.value === null ? 'per subnet' : `${g.value} ${g.unit}`} by rule: ${g.rule}`,
    ),
    `${green('wrote')} ${nearPath(out)}`,
  ];
  return `${lines.join('\n')}\n`;
}

/** Register the `snapshot` command and its `import` subcommand. */
export function registerSnapshot(program: Command): void {
  const snapshot = program.command('snapshot').description('recorded chain snapshots as starting states');
  const command = snapshot
    .command('import')
    .description(
      'read chain snapshot files (default: chain_state_2026.csv, subnet_roster_2026.csv and blocks_2026.csv in ../shared/data) and write a starting-state file; every problem with file:line, exit 2 if any',
    )
    .argument(
      '[files...]',
      'a chain-state CSV and a roster CSV, optionally a blocks CSV that dates the block',
    )
    .option('--out <file>', 'the starting-state file to write (default: mainnet-<date>.json here)')
    .option('--label <label>', 'which snapshot rows: t (the snapshot block) or lag (30 days earlier)', 't')
    .option(
      '--source <text>',
      'where the files come from, recorded in the file (default: the shared data set)',
    );
  addJsonOptions(command).action(
    (files: string[], opts: { out?: string; label: string; source?: string } & JsonOptions) => {
      if (!(SNAPSHOT_LABELS as readonly string[]).includes(opts.label)) {
        throw new InputError('--label', `expected t or lag, got "${opts.label}"`);
      }
      const label = opts.label as SnapshotLabel;
      const paths = files.length > 0 ? files : DEFAULT_SNAPSHOT_FILES.map((n) => join(defaultDataDir(), n));
      const source = opts.source ?? (files.length > 0 ? 'files given on the command line' : DEFAULT_SOURCE);
      const state = importSnapshot({ inputs: readInputs(paths), label, source });
      const stamp = state.snapshot.date?.slice(0, 10) ?? `block-${state.snapshot.block}`;
      const out = resolve(opts.out ?? `mainnet-${stamp}.json`);
      writeStartingState(out, state);
      if (wantsJson(opts)) {
        const figures = Object.entries(startingStateFigures(state)).map(([k, v]) => [k, finiteOrNull(v)]);
        printJson('snapshot import', {
          out,
          snapshot: state.snapshot,
          files: state.files,
          figures: Object.fromEntries(figures),
          gaps: state.gaps,
        });
      } else process.stdout.write(describeStartingState(state, out));
    },
  );
}
