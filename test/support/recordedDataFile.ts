/** A recorded data file identified as the backtest and calibration outputs cite it, computed apart from them. */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The name, SHA-256 of the bytes and data rows of `dir/name`: rows are the lines after the header with
 * at least one field that is not empty.
 * @example recordedDataFile(defaultDataDir(), 'tao_usd_daily.csv').rows // 851
 */
export function recordedDataFile(dir: string, name: string): { name: string; sha256: string; rows: number } {
  const bytes = readFileSync(join(dir, name));
  const lines = bytes.toString('utf8').split(/\r?\n/);
  const rows = lines.filter((l) => l.split(',').some((f) => f.trim() !== '')).length - 1;
  return { name, sha256: createHash('sha256').update(bytes).digest('hex'), rows };
}
