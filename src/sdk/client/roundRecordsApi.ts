/**
 * How a node (or `tensormarket dashboard`) serves validators' round records: `GET rounds/<netuid>`
 * relative to its root answers {@link RoundRecordsJson} (see src/node/rpc/roundRecordsRoute.ts). The
 * dashboard's page reads it from here.
 */
import type { RoundRecord } from '../validator/roundRecord.ts';

/** The path, relative to the serving process's root. */
export const ROUND_RECORDS_PATH = 'rounds/';

/** The answer of `GET rounds/<netuid>`. */
export interface RoundRecordsJson {
  readonly netuid: number;
  /** The `rounds.jsonl` files read, relative to the rounds folder, `/`-separated. */
  readonly files: readonly string[];
  /** The subnet's newest rounds, oldest first (by block, then validator, then round). */
  readonly rounds: readonly RoundRecord[];
  /** Lines that were not round records (cut off, another version's, or not JSON). */
  readonly skipped: number;
}
