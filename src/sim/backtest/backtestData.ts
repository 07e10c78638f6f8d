/**
 * The recorded files a backtest reads from a data folder (../shared/data by default): the alpha price
 * panel, the monthly issuance table and the daily TAO/USD closes, each parsed and identified by name,
 * content hash and rows.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { InputError } from '../../engine/errors.ts';
import { type DailyPrices, parseDailyPrices } from '../calibration/parseDailyPrices.ts';
import { type PricePanel, parseAlphaPricePanel } from './parseAlphaPricePanel.ts';
import { parseTaoMonthly, type TaoMonthly } from './parseTaoMonthly.ts';

/** The files, by role. */
export const BACKTEST_FILES = {
  panel: 'alpha_prices_daily_2025H1.csv',
  issuance: 'tao_monthly_2021_2025.csv',
  taoUsd: 'tao_usd_daily.csv',
} as const;

/** A file as outputs cite it. */
export interface DataFile {
  readonly name: string;
  readonly sha256: string;
  /** Data rows (lines after the header with at least one field that is not empty). */
  readonly rows: number;
}

/** The parsed files and their identities. */
export interface BacktestData {
  readonly panel: PricePanel;
  readonly issuance: TaoMonthly;
  readonly taoUsd: DailyPrices;
  readonly files: Readonly<Record<keyof typeof BACKTEST_FILES, DataFile>>;
}

function readData(dir: string, name: string, field: string): { text: string; file: DataFile } {
  const path = join(dir, name);
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (cause) {
    throw new InputError(field, `cannot read ${name} in ${dir}; pass --data DIR with the recorded files`, {
      cause,
    });
  }
  const text = bytes.toString('utf8');
  // A line of empty fields (the issuance table opens with one) holds no row.
  const rows = text.split(/\r?\n/).filter((l) => /[^\s,]/.test(l)).length - 1;
  return { text, file: { name, sha256: createHash('sha256').update(bytes).digest('hex'), rows } };
}

/**
 * Read and parse the backtest's files from `dir`; `field` names the option in errors (e.g. `--data`).
 * @example readBacktestData('../shared/data').panel.days.length // 131
 */
export function readBacktestData(dir: string, field = '--data'): BacktestData {
  const panel = readData(dir, BACKTEST_FILES.panel, field);
  const issuance = readData(dir, BACKTEST_FILES.issuance, field);
  const taoUsd = readData(dir, BACKTEST_FILES.taoUsd, field);
  let prices: DailyPrices;
  try {
    prices = parseDailyPrices(taoUsd.text);
  } catch (cause) {
    throw new InputError(field, `${BACKTEST_FILES.taoUsd}: ${(cause as Error).message}`, { cause });
  }
  return {
    panel: parseAlphaPricePanel({ file: BACKTEST_FILES.panel, text: panel.text }),
    issuance: parseTaoMonthly({ file: BACKTEST_FILES.issuance, text: issuance.text }),
    taoUsd: prices,
    files: { panel: panel.file, issuance: issuance.file, taoUsd: taoUsd.file },
  };
}
