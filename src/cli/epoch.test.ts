import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../engine/errors.ts';
import { parseEpochCase, runEpochCase } from './epoch.ts';

const example = join(import.meta.dirname, '..', '..', 'examples', 'epoch-yuma3.json');

describe('tensormarket epoch', () => {
  const c = parseEpochCase(example, readFileSync(example, 'utf8'));

  it('runs the example case epoch after epoch, carrying bonds', () => {
    const exact = runEpochCase(c, 'exact');
    expect(exact.map((e) => e.block)).toEqual([100, 460, 820]);
    // Miner 3 is the consensus winner first; validator 0 switches to miner 4 at block 820.
    expect(exact[0]!.incentive[3]).toBe(65_535);
    expect(exact[1]!.bonds[0]![3]).toBeGreaterThan(exact[0]!.bonds[0]![3]!);
    const total =
      exact[0]!.server_emission.reduce((a, b) => a + b, 0n) +
      exact[0]!.validator_emission.reduce((a, b) => a + b, 0n);
    expect(total).toBeLessThanOrEqual(c.rao_emission);
    expect(total).toBeGreaterThan(c.rao_emission - 10n);
  });

  it('gives the same answer on the fast path within a u16 step', () => {
    const exact = runEpochCase(c, 'exact');
    const fast = runEpochCase(c, 'fast');
    exact.forEach((e, k) => {
      const f = fast[k]!;
      expect(f.validator_permit).toEqual(e.validator_permit);
      const gap = (a: readonly number[], b: readonly number[]) =>
        Math.max(...a.map((x, i) => Math.abs(x - b[i]!)));
      expect(gap(e.incentive, f.incentive)).toBeLessThanOrEqual(1);
      expect(gap(e.dividends, f.dividends)).toBeLessThanOrEqual(1);
    });
  });

  it('names the field of bad input', () => {
    expect(() =>
      parseEpochCase('case.json', '{"block": 1, "neurons": [{"stake": -5}], "rao_emission": 1}'),
    ).toThrow(/case\.json: neurons\.0\.stake/);
    expect(() =>
      parseEpochCase(
        'case.json',
        '{"block": 1, "neurons": [{"stake": 5}], "rao_emission": 1, "weights": [[1, 2]]}',
      ),
    ).toThrow(InputError);
    expect(() =>
      parseEpochCase('case.json', '{"block": 1, "neurons": [], "rao_emission": 1, "typo": 1}'),
    ).toThrow(/case\.json/);
  });
});
