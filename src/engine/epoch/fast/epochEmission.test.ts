import { describe, expect, it } from 'vitest';
import { epochEmission } from './epochEmission.ts';
import { fastInputFixture, workspaceFor } from './testFixtures.ts';

function emission(values: {
  incentive: number[];
  dividends: number[];
  stake: number[];
  activeStake: number[];
  rao?: number;
}) {
  const input = fastInputFixture({ stakes: values.stake, raoEmission: values.rao ?? 1000 });
  const ws = workspaceFor(input);
  ws.incentive.set(values.incentive);
  ws.dividends.set(values.dividends);
  ws.stake.set(values.stake);
  ws.activeStake.set(values.activeStake);
  epochEmission(ws, input);
  return {
    server: Array.from(ws.serverEmission),
    validator: Array.from(ws.validatorEmission),
    combined: Array.from(ws.combinedEmission),
  };
}

describe('epochEmission', () => {
  it('splits on the joint sum of incentive and dividends, floored', () => {
    expect(
      emission({
        incentive: [0, 0.5, 0.5],
        dividends: [1, 0, 0],
        stake: [1, 0, 0],
        activeStake: [1, 0, 0],
        rao: 999,
      }),
    ).toEqual({ server: [0, 249, 249], validator: [499, 0, 0], combined: [499, 249, 249] });
  });

  it('with nothing to share, validators follow the active stake', () => {
    expect(
      emission({ incentive: [0, 0], dividends: [0, 0], stake: [0.5, 0.5], activeStake: [1, 0] }),
    ).toEqual({ server: [0, 0], validator: [1000, 0], combined: [1000, 0] });
  });

  it('and the stake when no active stake is left', () => {
    expect(
      emission({ incentive: [0, 0], dividends: [0, 0], stake: [0.25, 0.75], activeStake: [0, 0] }),
    ).toEqual({ server: [0, 0], validator: [250, 750], combined: [250, 750] });
  });
});
