/**
 * Validators' round records as the page reads them from the serving process (`rounds/<netuid>`, see
 * src/node/rpc/roundRecordsRoute.ts): absent when that process serves none.
 */
import { ROUND_RECORDS_PATH, type RoundRecordsJson } from '../../src/sdk/client/roundRecordsApi.ts';

/** What the page knows of a subnet's rounds. */
export type RoundRecordsState =
  | { readonly state: 'loading' }
  /** The serving process was started without a rounds folder. */
  | { readonly state: 'none' }
  | { readonly state: 'failed'; readonly message: string }
  | { readonly state: 'ready'; readonly records: RoundRecordsJson };

/**
 * The newest rounds of subnet `netuid`, asked of the process that served the page.
 * @example await fetchRoundRecords(document.baseURI, 1) // { state: 'ready', records: { rounds: [...] } }
 */
export async function fetchRoundRecords(base: string, netuid: number): Promise<RoundRecordsState> {
  const response = await fetch(new URL(`${ROUND_RECORDS_PATH}${netuid}`, base));
  if (response.status === 404 || response.status === 405) return { state: 'none' };
  if (!response.ok) return { state: 'failed', message: `${response.status} ${response.statusText}` };
  return { state: 'ready', records: (await response.json()) as RoundRecordsJson };
}

/** One cell of the rounds grid: a miner's score in a round and how it answered. */
export interface RoundCell {
  readonly score: number;
  readonly ok: boolean;
  readonly code: string | null;
  readonly latencyMs: number;
}

/** The grid of rounds (rows, oldest first) by miner UID (columns, ascending). */
export interface RoundGrid {
  readonly uids: readonly number[];
  readonly rows: readonly {
    readonly key: string;
    readonly round: number;
    readonly block: number;
    readonly validator: string;
    /** What was done with weights this round: `set included`, `commit SettingWeightsTooFast`, … */
    readonly weights: string;
    readonly cells: readonly (RoundCell | undefined)[];
  }[];
}

/**
 * The rounds as a grid: one row per round, one column per miner UID any of them asked.
 * @example roundGrid(records.rounds).rows[0]?.cells[0]?.score // 0.93
 */
export function roundGrid(rounds: RoundRecordsJson['rounds']): RoundGrid {
  const uids = [...new Set(rounds.flatMap((r) => r.miners.map((m) => m.uid)))].sort((a, b) => a - b);
  return {
    uids,
    rows: rounds.map((r) => {
      const byUid = new Map(r.miners.map((m) => [m.uid, m]));
      return {
        key: `${r.validator}:${r.round}:${r.block}`,
        round: r.round,
        block: r.block,
        validator: r.validator,
        weights: r.weights.map((w) => `${w.action} ${w.outcome}`).join(', '),
        cells: uids.map((uid) => {
          const m = byUid.get(uid);
          return m === undefined
            ? undefined
            : { score: m.score, ok: m.ok, code: m.code, latencyMs: m.latencyMs };
        }),
      };
    }),
  };
}
