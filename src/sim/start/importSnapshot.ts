/**
 * Chain snapshot files to a {@link StartingState}: the chain-state rows of one label joined with the
 * roster, dated by the blocks file, with the snapshot's gaps filled. All problems or nothing.
 */
import { createHash } from 'node:crypto';
import { parseBlocks } from './parseBlocks.ts';
import { type ChainStateRow, parseChainState } from './parseChainState.ts';
import { parseRoster, type RosterRow } from './parseRoster.ts';
import { readCsv } from './readCsv.ts';
import { SnapshotError, type SnapshotProblem } from './snapshotError.ts';
import { snapshotGaps } from './snapshotGaps.ts';
import {
  type SnapshotLabel,
  type SnapshotSourceFile,
  STARTING_STATE_FORMAT,
  STARTING_STATE_VERSION,
  type StartingState,
  type StartSubnet,
} from './startingState.ts';

/** One input file: the name to report it by and its bytes. */
export interface SnapshotInput {
  readonly name: string;
  readonly bytes: Uint8Array;
}

type FileKind = SnapshotSourceFile['kind'];

/** Which file a header belongs to, by a column only that file has. */
function kindOf(header: readonly string[]): FileKind | null {
  if (header.includes('alpha_issued')) return 'chain-state';
  if (header.includes('subnet_uid')) return 'roster';
  if (header.includes('block') && header.includes('utc')) return 'blocks';
  return null;
}

/**
 * Import the snapshot: a chain-state file and a roster file (required) and a blocks file (optional, dates
 * the block). Throws a {@link SnapshotError} listing every problem of every file when anything is wrong.
 * @example importSnapshot({ inputs, label: 't', source: 'pkoellinger/bittensor-subnet-price-correlates' }).snapshot.block
 */
export function importSnapshot(args: {
  inputs: readonly SnapshotInput[];
  label: SnapshotLabel;
  /** Where the files come from, in words, for the file's header. */
  source: string;
}): StartingState {
  const { inputs, label, source } = args;
  const problems: SnapshotProblem[] = [];
  const byKind = new Map<FileKind, { input: SnapshotInput; text: string }>();
  for (const input of inputs) {
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(input.bytes);
    } catch {
      problems.push({
        file: input.name,
        line: 0,
        column: '',
        message: 'is not UTF-8 text; save it as UTF-8 CSV',
      });
      continue;
    }
    const header = (readCsv(text.split(/\r?\n/, 1)[0] ?? '').records[0]?.fields ?? []).map((h) => h.trim());
    const kind = kindOf(header);
    if (kind === null) {
      problems.push({
        file: input.name,
        line: 1,
        column: '',
        message:
          'is not a chain-state, roster or blocks file (no alpha_issued, subnet_uid or block/utc column); pass files with the columns of ../shared/data',
      });
      continue;
    }
    const earlier = byKind.get(kind);
    if (earlier !== undefined) {
      problems.push({
        file: input.name,
        line: 0,
        column: '',
        message: `is a second ${kind} file (after ${earlier.input.name}); pass one`,
      });
      continue;
    }
    byKind.set(kind, { input, text });
  }
  const state = byKind.get('chain-state');
  const rosterFile = byKind.get('roster');
  const blocksFile = byKind.get('blocks');
  for (const [kind, file] of [
    ['chain-state', state],
    ['roster', rosterFile],
  ] as const) {
    if (file === undefined) {
      problems.push({
        file: 'FILES',
        line: 0,
        column: '',
        message: `no ${kind} file given; pass one with the columns of ${kind === 'roster' ? 'subnet_roster_2026.csv' : 'chain_state_2026.csv'}`,
      });
    }
  }
  const chain =
    state === undefined
      ? null
      : parseChainState({ file: state.input.name, text: state.text, label, problems });
  const roster =
    rosterFile === undefined
      ? null
      : parseRoster({ file: rosterFile.input.name, text: rosterFile.text, problems });
  const blocks =
    blocksFile === undefined
      ? null
      : parseBlocks({ file: blocksFile.input.name, text: blocksFile.text, problems });
  if (chain === null || roster === null || state === undefined || rosterFile === undefined) {
    throw new SnapshotError('INVALID_SNAPSHOT', inFileOrder(problems, inputs));
  }
  const block = chain.rows[0]?.stateBlock ?? 0;
  const subnets = joinRoster({
    rows: chain.rows,
    roster: roster.rows,
    label,
    stateFile: state.input.name,
    rosterFile: rosterFile.input.name,
    problems,
  });
  let date: string | null = null;
  if (blocks !== null && blocksFile !== undefined && chain.rows.length > 0) {
    date = blocks.dates.get(block) ?? null;
    if (date === null) {
      problems.push({
        file: blocksFile.input.name,
        line: 0,
        column: 'block',
        message: `has no row for the snapshot block ${block}; add it or leave the blocks file out (the date is then unknown)`,
      });
    }
  }
  if (problems.length > 0) throw new SnapshotError('INVALID_SNAPSHOT', inFileOrder(problems, inputs));
  const files: SnapshotSourceFile[] = [];
  for (const [kind, file, rows] of [
    ['chain-state', state, chain.recordCount],
    ['roster', rosterFile, roster.recordCount],
    ['blocks', blocksFile, blocks?.recordCount ?? 0],
  ] as const) {
    if (file === undefined) continue;
    const sha256 = createHash('sha256').update(file.input.bytes).digest('hex');
    files.push({ name: file.input.name, sha256, kind, rows });
  }
  const when = date === null ? '' : ` (${date.slice(0, 10)})`;
  return {
    format: STARTING_STATE_FORMAT,
    version: STARTING_STATE_VERSION,
    description: `Bittensor network at block ${block}${when}, snapshot rows labelled ${label}; subnets 1-${subnets.at(-1)?.netuid ?? 0} as recorded, root and pool prices from the gaps below`,
    snapshot: { label, block, date, source },
    files,
    units:
      'alpha amounts in alpha (on-chain RAO / 1e9, 6 decimals); shares are fractions 0-1; blocks are chain block numbers; raoRecycledCumulative in RAO',
    gaps: snapshotGaps(date),
    subnets,
  };
}

/** Problems in the order the files were given, then by line (the sort is stable within a line). */
function inFileOrder(
  problems: readonly SnapshotProblem[],
  inputs: readonly SnapshotInput[],
): SnapshotProblem[] {
  const rank = (file: string) => {
    const i = inputs.findIndex((x) => x.name === file);
    return i < 0 ? inputs.length : i;
  };
  return [...problems].sort((a, b) => rank(a.file) - rank(b.file) || a.line - b.line);
}

/** Each chain-state row with its roster row, checked against each other. */
function joinRoster(args: {
  rows: readonly ChainStateRow[];
  roster: readonly RosterRow[];
  label: SnapshotLabel;
  stateFile: string;
  rosterFile: string;
  problems: SnapshotProblem[];
}): StartSubnet[] {
  const { rows, roster, label, stateFile, rosterFile, problems } = args;
  const rosterBy = new Map(roster.map((r) => [r.netuid, r]));
  const stateNetuids = new Set(rows.map((r) => r.netuid));
  for (const r of roster) {
    if (!stateNetuids.has(r.netuid)) {
      problems.push({
        file: rosterFile,
        line: r.line,
        column: 'netuid',
        message: `netuid ${r.netuid} has no ${label} row in ${stateFile}; add the row there or remove this one`,
      });
    }
  }
  const subnets: StartSubnet[] = [];
  for (const row of [...rows].sort((a, b) => a.netuid - b.netuid)) {
    const { line, stateBlock: _block, ...fields } = row;
    const r = rosterBy.get(row.netuid);
    if (r === undefined) {
      problems.push({
        file: stateFile,
        line,
        column: 'netuid',
        message: `netuid ${row.netuid} has no row in ${rosterFile}; add its roster row`,
      });
      continue;
    }
    // At `lag` a netuid may have been held by an earlier subnet: the roster (as of `t`) then says nothing about it.
    const sameSubnet = r.registeredBlock === row.registeredBlock;
    if (label === 't') {
      if (!sameSubnet) {
        problems.push({
          file: rosterFile,
          line: r.line,
          column: 'registered_block',
          message: `${r.registeredBlock} differs from ${row.registeredBlock} in ${stateFile}:${line}; both files must describe the same subnet`,
        });
      }
      if (r.ownerColdkey !== row.ownerColdkey) {
        problems.push({
          file: rosterFile,
          line: r.line,
          column: 'owner_coldkey',
          message: `differs from ${stateFile}:${line}; both files must name the same owner`,
        });
      }
      if ((r.firstEmissionBlock === null) !== row.flags.startupMode) {
        problems.push({
          file: rosterFile,
          line: r.line,
          column: 'first_emission_block',
          message: `${r.firstEmissionBlock === null ? 'is empty' : 'is set'} but startup_mode is ${row.flags.startupMode ? 1 : 0} in ${stateFile}:${line}; a subnet not yet emitting has no first emission block`,
        });
      }
    }
    subnets.push({
      ...fields,
      name: sameSubnet ? r.name : null,
      firstEmissionBlock: sameSubnet ? r.firstEmissionBlock : null,
      tempo: sameSubnet ? r.tempo : null,
    });
  }
  return subnets;
}
