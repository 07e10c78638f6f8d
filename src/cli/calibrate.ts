/**
 * `tensormarket calibrate demand [--data DIR]`: estimate the TAO demand parameters (drift, volatility,
 * jumps) from `tao_usd_daily.csv` and print them with their window and the schema defaults they give.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { InputError } from '../engine/errors.ts';
import { describeDemandEstimate } from '../sim/calibration/describeDemandEstimate.ts';
import { type DemandEstimate, estimateDemand } from '../sim/calibration/estimateDemand.ts';
import { parseDailyPrices } from '../sim/calibration/parseDailyPrices.ts';
import { DEFAULT_JUMP_THRESHOLD_K } from '../sim/calibration/splitJumps.ts';
import { defaultDataDir } from './defaultDataDir.ts';
import { toJsonText } from './output.ts';

/** The price file the demand defaults are estimated from. */
export const TAO_PRICE_FILE = 'tao_usd_daily.csv';

/** Read and estimate the demand parameters from `DIR/tao_usd_daily.csv`. */
export function calibrateDemand(opts: { dataDir?: string; k?: number }): {
  file: string;
  estimate: DemandEstimate;
  lines: string[];
} {
  const file = join(opts.dataDir ?? defaultDataDir(), TAO_PRICE_FILE);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (cause) {
    throw new InputError(file, 'cannot be read; pass --data DIR with tao_usd_daily.csv', { cause });
  }
  let estimate: DemandEstimate;
  try {
    estimate = estimateDemand(parseDailyPrices(text), opts.k ?? DEFAULT_JUMP_THRESHOLD_K);
  } catch (cause) {
    throw new InputError(file, cause instanceof Error ? cause.message : String(cause), { cause });
  }
  return { file, estimate, lines: describeDemandEstimate(estimate, `../shared/data/${TAO_PRICE_FILE}`) };
}

/** Register the `calibrate` command and its `demand` subcommand. */
export function registerCalibrate(program: Command): void {
  const calibrate = program.command('calibrate').description('estimate model defaults from the shared data');
  calibrate
    .command('demand')
    .description('estimate TAO demand drift, volatility and jumps from daily TAO/USD prices')
    .option('--data <dir>', 'folder holding tao_usd_daily.csv (default: ../shared/data)')
    .option('--k <n>', 'jump threshold in robust standard deviations', String(DEFAULT_JUMP_THRESHOLD_K))
    .option('--json', 'print the estimate as JSON')
    .action((opts: { data?: string; k: string; json?: boolean }) => {
      const k = Number(opts.k);
      if (!(Number.isFinite(k) && k > 0))
        throw new InputError('--k', `expected a number > 0, got "${opts.k}"`);
      const { estimate, lines } = calibrateDemand({
        ...(opts.data === undefined ? {} : { dataDir: opts.data }),
        k,
      });
      if (opts.json) process.stdout.write(`${toJsonText(estimate)}\n`);
      else for (const line of lines) process.stdout.write(`${line}\n`);
    });
}
