import { describe, expect, it } from 'vitest';
import { I32F32 } from '../../fixed/index.ts';
import { epochEmission, shareToRao } from './emission.ts';

const ONE = I32F32.one;
const HALF = (ONE >> 1n) as I32F32;
const Z = 0n as I32F32;

describe('epochEmission', () => {
  it('splits incentive and dividends on their joint sum', () => {
    const r = epochEmission({
      incentive: [Z, ONE],
      dividends: [ONE, Z],
      stake: [ONE, Z],
      activeStake: [ONE, Z],
      raoEmission: 1000n,
    });
    expect(r.normalizedServer).toEqual([0n, HALF]);
    expect(r.normalizedValidator).toEqual([HALF, 0n]);
    expect(r.server).toEqual([0n, 500n]);
    expect(r.validator).toEqual([500n, 0n]);
    expect(r.combined).toEqual([500n, 500n]);
  });

  it('falls back to active stake, or to stake when no active stake is left', () => {
    const none = { incentive: [Z, Z], dividends: [Z, Z], stake: [HALF, HALF], raoEmission: 10n };
    const active = epochEmission({ ...none, activeStake: [ONE, Z] });
    expect(active.validator).toEqual([10n, 0n]);
    expect(active.server).toEqual([0n, 0n]);
    expect(epochEmission({ ...none, activeStake: [Z, Z] }).combined).toEqual([5n, 5n]);
  });

  it('floors I32F32 shares times the emission (0.1 gives 99_999_999 of 1e9)', () => {
    expect(shareToRao(429_496_729n as I32F32, 1_000_000_000n)).toBe(99_999_999n);
  });
});
