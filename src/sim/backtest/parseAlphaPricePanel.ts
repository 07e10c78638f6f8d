/**
 * The recorded alpha price panel (`alpha_prices_daily_2025H1.csv` and files with its columns): each
 * subnet's alpha price in TAO per day, at the sample closest to 00:00 UTC and as the day's median, with
 * the glitch flag of subnets not yet emitting (../shared/data/README.md). Every row is checked; a file
 * with any problem is refused whole, with one line-numbered problem each.
 */
import { csvTable } from '../start/csvTable.ts';
import { rowReader } from '../start/rowReader.ts';
import type { SnapshotProblem } from '../start/snapshotError.ts';
import { isCalendarDate } from './isCalendarDate.ts';
import { PriceDataError } from './priceDataError.ts';

/** The columns the reader needs (others are ignored). */
export const PRICE_PANEL_COLUMNS = [
  'date',
  'block',
  'netuid',
  'price_first',
  'price_median',
  'samples',
  'glitch',
] as const;

/** One subnet on one day. */
export interface PanelRow {
  readonly date: string;
  readonly block: number;
  readonly netuid: number;
  /** TAO per alpha at the day's first sample; null when the subnet is absent from that sample. */
  readonly priceFirst: number | null;
  readonly priceMedian: number;
  readonly samples: number;
  /** Not yet emitting (or an anomalous price): kept, but left out of the recorded metrics. */
  readonly glitch: boolean;
}

/** The panel's days in date order, each with its block and rows in netuid order. */
export interface PricePanel {
  readonly days: readonly {
    readonly date: string;
    readonly block: number;
    readonly rows: readonly PanelRow[];
  }[];
}

/**
 * Read and check a price panel; throws {@link PriceDataError} listing every problem.
 * @example parseAlphaPricePanel({ file: 'alpha_prices_daily_2025H1.csv', text }).days.length // 131
 */
export function parseAlphaPricePanel(args: { file: string; text: string }): PricePanel {
  const { file, text } = args;
  const problems: SnapshotProblem[] = [];
  const table = csvTable({
    file,
    text,
    columns: PRICE_PANEL_COLUMNS,
    example: 'alpha_prices_daily_2025H1.csv',
    problems,
  });
  const byDate = new Map<string, { block: number; line: number; rows: PanelRow[] }>();
  const seen = new Map<string, number>();
  if (table.usable) {
    for (const { line, fields } of table.rows) {
      const r = rowReader({ file, line, header: table.header, fields, problems });
      const date = r.text('date').trim();
      if (!isCalendarDate(date)) r.problem('date', `expected a date written YYYY-MM-DD, got "${date}"`);
      const block = r.int('block', { min: 0 });
      const netuid = r.int('netuid', { min: 1, max: 65_535 });
      const priceFirst = r.num('price_first', { min: 0, nullable: true });
      const priceMedian = r.num('price_median', { min: 0 });
      const samples = r.int('samples', { min: 0 });
      const glitch = r.flag('glitch');
      if (!r.ok('date', 'block', 'netuid')) continue;
      const key = `${date}#${netuid}`;
      const first = seen.get(key);
      if (first !== undefined) {
        r.problem(
          'netuid',
          `netuid ${netuid} appears again on ${date} (first on line ${first}); keep one row per subnet and day`,
        );
        continue;
      }
      seen.set(key, line);
      const day = byDate.get(date);
      if (day === undefined) byDate.set(date, { block, line, rows: [] });
      else if (day.block !== block)
        r.problem(
          'block',
          `${block} differs from ${day.block} on line ${day.line}; every row of a date has the block of its first sample`,
        );
      byDate.get(date)!.rows.push({ date, block, netuid, priceFirst, priceMedian, samples, glitch });
    }
  }
  if (problems.length > 0) throw new PriceDataError('INVALID_PRICE_PANEL', problems);
  const days = [...byDate.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([date, d]) => ({ date, block: d.block, rows: d.rows.sort((x, y) => x.netuid - y.netuid) }));
  return { days };
}
