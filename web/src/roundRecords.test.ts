import { describe, expect, it } from 'vitest';
import type { RoundRecord } from '../../src/sdk/validator/roundRecord.ts';
import { roundGrid } from './roundRecords.ts';

const miner = (uid: number, score: number, ok = true) => ({
  uid,
  hotkey: `hk${uid}`,
  ok,
  status: ok ? 200 : 408,
  code: ok ? null : 'TIMEOUT',
  latencyMs: 12.5,
  score,
  average: score,
});

const round = (n: number, miners: RoundRecord['miners']): RoundRecord => ({
  round: n,
  block: 10 * n,
  time: '2026-12-07T00:00:00.000Z',
  netuid: 1,
  validator: 'val',
  task: { difficulty: 0.5 },
  miners,
  weights:
    n === 2 ? [{ action: 'set', uids: [1, 3], weights: [65535, 100], outcome: 'included', block: 21 }] : [],
});

describe('roundGrid', () => {
  it('puts each miner in the column of its UID, leaving a gap where a round did not ask it', () => {
    const grid = roundGrid([round(1, [miner(3, 0.5), miner(1, 1)]), round(2, [miner(1, 0.25, false)])]);
    expect(grid.uids).toEqual([1, 3]);
    expect(grid.rows.map((r) => r.cells.map((c) => c?.score))).toEqual([
      [1, 0.5],
      [0.25, undefined],
    ]);
    expect(grid.rows[1]?.cells[0]).toEqual({ score: 0.25, ok: false, code: 'TIMEOUT', latencyMs: 12.5 });
    expect(grid.rows.map((r) => r.weights)).toEqual(['', 'set included']);
  });

  it('has no columns and no rows without rounds', () => {
    expect(roundGrid([])).toEqual({ uids: [], rows: [] });
  });
});
