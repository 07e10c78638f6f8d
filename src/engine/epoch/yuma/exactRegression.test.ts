/**
 * Regression guard of the exact epoch: its full output (every stored value, the per-mechanism terms and
 * the I32F32 trace) must stay bit-identical to the bigint implementation it replaced, as recorded in
 * digests of 600 seeded chained cases and of the benchmark-shaped n = 256 graphs. (The typed-array
 * path is also checked against the bigint path on random cases in `runMechanismEpochCsr.test.ts`.)
 */
import { describe, expect, it } from 'vitest';
import {
  caseDigest,
  denseCase,
  digest,
  regressionCase,
  serializeOutput,
} from './regression/cases.testkit.ts';
import snapshot from './regression/exactRegression.snapshot.json' with { type: 'json' };
import { runYumaEpoch } from './runYumaEpoch.ts';

const recorded = snapshot.cases as [number, string][];

describe('exact epoch regression', () => {
  it('reproduces the recorded digests of 600 chained random cases', () => {
    const mismatched = recorded
      .filter(([seed, expected]) => caseDigest(regressionCase(seed), runYumaEpoch) !== expected)
      .map(([seed]) => seed);
    expect(mismatched).toEqual([]);
  });

  for (const mode of ['original', 'yuma3', 'liquid'] as const) {
    it(`reproduces the n = 256 dense graph, ${mode}`, () => {
      const input = denseCase(mode, runYumaEpoch);
      const out = runYumaEpoch(input);
      expect(digest(serializeOutput(out))).toBe(snapshot.dense[mode]);
    });
  }
});
