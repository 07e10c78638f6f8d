import { describe, expect, it } from 'vitest';
import { fromInt, U64F64 } from '../../fixed/index.ts';
import { combineMechanisms, mechanismWeight } from './combineMechanisms.ts';
import type { MechanismTerms } from './types.ts';

const terms = (x: {
  dividends: number;
  server: bigint;
  validator: bigint;
  active: boolean;
}): MechanismTerms => ({
  serverEmission: [x.server],
  validatorEmission: [x.validator],
  emission: [x.server + x.validator],
  stakeWeight: [65_535],
  consensus: [0],
  incentive: [0],
  dividends: [x.dividends],
  validatorTrust: [0],
  active: [x.active],
  validatorPermit: [false],
  bonds: [[]],
});

describe('combining mechanisms', () => {
  it('weights a mechanism by its share of the emission, mechanism 0 taking all of nothing', () => {
    expect(mechanismWeight({ part: 500n, total: 1000n, index: 1 })).toBe(U64F64.one >> 1n);
    expect(mechanismWeight({ part: 0n, total: 0n, index: 0 })).toBe(fromInt(U64F64, 1));
    expect(mechanismWeight({ part: 0n, total: 0n, index: 1 })).toBe(0n);
  });

  it('sums emissions, ORs flags and averages stored values with a floor at each step', () => {
    const half = (U64F64.one >> 1n) as U64F64;
    const out = combineMechanisms(
      [
        { terms: terms({ dividends: 65_535, server: 3n, validator: 4n, active: false }), weight: half },
        { terms: terms({ dividends: 1, server: 5n, validator: 6n, active: true }), weight: half },
      ],
      1,
    );
    expect(out.serverEmission).toEqual([8n]);
    expect(out.validatorEmission).toEqual([10n]);
    // floor(65535 / 2) = 32767, then floor(32767 + 1/2) = 32767.
    expect(out.dividends).toEqual([32_767]);
    expect(out.stakeWeight).toEqual([65_534]);
    expect(out.emission).toEqual([3n + 5n]);
    expect(out.active).toEqual([true]);
  });
});
