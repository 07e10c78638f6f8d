/**
 * The roster file (`subnet_roster_2026.csv` and files with its columns): registration and first emission
 * (block and UTC time), tempo, owner and name.
 */
import { csvTable } from './csvTable.ts';
import { rowReader } from './rowReader.ts';
import type { SnapshotProblem } from './snapshotError.ts';

/** The roster columns the import reads (the file's other columns are free text and ignored). */
export const ROSTER_COLUMNS = [
  'netuid',
  'subnet_uid',
  'registered_block',
  'registered_utc',
  'first_emission_block',
  'first_emission_utc',
  'tempo',
  'owner_coldkey',
  'subnet_name',
] as const;

/** One roster row. */
export interface RosterRow {
  readonly line: number;
  readonly netuid: number;
  readonly registeredBlock: number;
  /** When the subnet was registered, ISO 8601 UTC. */
  readonly registeredUtc: string;
  /** Null while the subnet has not started emitting. */
  readonly firstEmissionBlock: number | null;
  /** ISO 8601 UTC; null exactly when `firstEmissionBlock` is. */
  readonly firstEmissionUtc: string | null;
  readonly tempo: number;
  readonly ownerColdkey: string;
  readonly name: string | null;
}

/** The roster's rows and how many rows the file has. */
export interface Roster {
  readonly rows: readonly RosterRow[];
  readonly recordCount: number;
}

/**
 * Check every row of a roster file and return them; each problem goes to `problems`.
 * @example parseRoster({ file: 'subnet_roster_2026.csv', text, problems }).rows.length // 128
 */
export function parseRoster(args: { file: string; text: string; problems: SnapshotProblem[] }): Roster {
  const { file, text, problems } = args;
  const table = csvTable({
    file,
    text,
    columns: ROSTER_COLUMNS,
    example: 'subnet_roster_2026.csv',
    problems,
  });
  if (!table.usable) return { rows: [], recordCount: table.recordCount };
  const rows: RosterRow[] = [];
  const seen = new Map<number, number>();
  for (const { line, fields } of table.rows) {
    const r = rowReader({ file, line, header: table.header, fields, problems });
    const netuid = r.int('netuid', { min: 1, max: 65_535 });
    const first = seen.get(netuid);
    if (!r.ok('netuid')) {
      // A bad netuid cannot be compared with the other rows.
    } else if (first !== undefined) {
      r.problem('netuid', `netuid ${netuid} appears again (first on line ${first}); keep one row per subnet`);
    } else {
      seen.set(netuid, line);
    }
    const registeredBlock = r.int('registered_block', { min: 0 });
    const uid = r.text('subnet_uid').trim();
    if (r.ok('netuid', 'registered_block') && uid !== `${netuid}-${registeredBlock}`) {
      r.problem(
        'subnet_uid',
        `"${uid}" is not netuid-registered_block (${netuid}-${registeredBlock}); correct one of them`,
      );
    }
    const firstEmissionBlock = r.int('first_emission_block', { min: 0, nullable: true });
    if (r.ok('registered_block') && firstEmissionBlock !== null && firstEmissionBlock < registeredBlock) {
      r.problem(
        'first_emission_block',
        `${firstEmissionBlock} is before registered_block ${registeredBlock}; check both blocks`,
      );
    }
    const registeredUtc = r.utc('registered_utc');
    const firstEmissionUtc = r.utc('first_emission_utc', { nullable: true });
    if (
      r.ok('first_emission_block', 'first_emission_utc') &&
      (firstEmissionBlock === null) !== (firstEmissionUtc === null)
    ) {
      r.problem(
        'first_emission_utc',
        `${firstEmissionUtc === null ? 'is empty' : 'is set'} but first_emission_block ${firstEmissionBlock === null ? 'is empty' : 'is set'}; fill both or leave both empty`,
      );
    } else if (
      r.ok('registered_utc', 'first_emission_utc') &&
      firstEmissionUtc !== null &&
      firstEmissionUtc < registeredUtc
    ) {
      r.problem(
        'first_emission_utc',
        `${firstEmissionUtc} is before registered_utc ${registeredUtc}; check both times`,
      );
    }
    const name = r.text('subnet_name').trim();
    rows.push({
      line,
      netuid,
      registeredBlock,
      registeredUtc,
      firstEmissionBlock,
      firstEmissionUtc,
      tempo: r.int('tempo', { min: 1 }),
      ownerColdkey: r.text('owner_coldkey').trim(),
      name: name === '' ? null : name,
    });
  }
  return { rows, recordCount: table.recordCount };
}
