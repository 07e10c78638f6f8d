import { describe, expect, it } from 'vitest';
import { compareOutcome, noteTolerances } from './compare.ts';

describe('noteTolerances', () => {
  it('reads per-key bounds the note states in words', () => {
    const keys = ['subnet_tao', 'total_issuance', 'total_stake'];
    const a = noteTolerances(
      'subnet_tao within 1 rao; total_issuance and total_stake within 10 rao (assert_abs_diff_eq epsilons of the test)',
      keys,
    );
    expect(Object.fromEntries(a)).toEqual({ subnet_tao: 1, total_issuance: 10, total_stake: 10 });
    const b = noteTolerances(
      'subnet_tao exact (test asserts emission/3); totals asserted with close(value, target, 2), i.e. |diff| < 2',
      keys,
    );
    // A strict bound below 2 on integers allows 1.
    expect(Object.fromEntries(b)).toEqual({ total_issuance: 1, total_stake: 1 });
    expect(noteTolerances(undefined, keys).size).toBe(0);
  });
});

describe('compareOutcome', () => {
  it('widens only the keys a note names', () => {
    const expected = { subnet_tao: [10n], total_issuance: 100n };
    const tol = { abs: 0, note: 'totals asserted with close(value, target, 2), i.e. |diff| < 2' };
    expect(
      compareOutcome(expected, { actual: { subnet_tao: [10n], total_issuance: 99n } }, tol).diffs,
    ).toEqual([]);
    expect(
      compareOutcome(expected, { actual: { subnet_tao: [11n], total_issuance: 100n } }, tol).diffs,
    ).toHaveLength(1);
    expect(
      compareOutcome(expected, { actual: { subnet_tao: [10n], total_issuance: 98n } }, tol).diffs,
    ).toHaveLength(1);
  });

  it('reports derived values without failing on them', () => {
    const r = compareOutcome(
      { sum: 1, derived_shares: [0.1, 0.9] },
      { actual: { sum: 1, derived_shares: [0.1000001, 0.8999999] } },
      { abs: 1e-9 },
    );
    expect(r.diffs).toEqual([]);
    expect(r.notes.length).toBe(2);
    expect(r.notes[0]).toMatch(/derived, not asserted/);
  });
});
