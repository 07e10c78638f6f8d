/**
 * Regression guard of the exact epoch: its full output (every stored value, the per-mechanism terms and
 * the I32F32 trace) must stay bit-identical to the bigint implementation it replaced. Three checks:
 * digests of 600 seeded chained cases recorded from that implementation, a frozen copy of it
 * (`reference/`) run side by side on random cases, and the benchmark-shaped n = 256 graphs.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { EpochInput } from '../types.ts';
import {
  caseDigest,
  denseCase,
  digest,
  nextEpochInput,
  regressionCase,
  serializeOutput,
} from './reference/cases.testkit.ts';
import snapshot from './reference/exactRegression.snapshot.json' with { type: 'json' };
import { runYumaEpoch as referenceEpoch } from './reference/yuma/runYumaEpoch.testkit.ts';
import { runYumaEpoch } from './runYumaEpoch.ts';
import type { YumaEpochOutput } from './types.ts';

const recorded = snapshot.cases as [number, string][];

/** The output as plain data (the trace read out), so that a mismatch shows which value moved. */
const plain = (out: YumaEpochOutput): unknown => JSON.parse(serializeOutput(out));

/** Run both implementations epoch after epoch (each on the reference's carried-over state). */
function expectSameChain(first: EpochInput, epochs: number): void {
  let input = first;
  for (let e = 0; e < epochs; e++) {
    const expected = referenceEpoch(input);
    expect(plain(runYumaEpoch(input))).toEqual(plain(expected));
    input = nextEpochInput(input, expected);
  }
}

describe('exact epoch regression', () => {
  it('reproduces the recorded digests of 600 chained random cases', () => {
    const mismatched = recorded
      .filter(([seed, expected]) => caseDigest(regressionCase(seed), runYumaEpoch) !== expected)
      .map(([seed]) => seed);
    expect(mismatched).toEqual([]);
  });

  it('the frozen reference is the implementation the digests were recorded from', () => {
    for (const [seed, expected] of recorded.slice(0, 40)) {
      expect(caseDigest(regressionCase(seed), referenceEpoch)).toBe(expected);
    }
  });

  it('matches the frozen reference on random chained cases (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1_000_000, max: 2 ** 31 - 1 }), (seed) => {
        const c = regressionCase(seed);
        expectSameChain(c.input, c.epochs);
      }),
      { numRuns: 100 },
    );
  });

  it('matches the frozen reference on small subnets (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 31 - 1 }), (seed) => {
        const c = regressionCase(seed, 8);
        expectSameChain(c.input, c.epochs);
      }),
      { numRuns: 300 },
    );
  });

  for (const mode of ['original', 'yuma3', 'liquid'] as const) {
    it(`reproduces the n = 256 dense graph, ${mode}`, () => {
      const input = denseCase(mode, runYumaEpoch);
      const out = runYumaEpoch(input);
      expect(digest(serializeOutput(out))).toBe(snapshot.dense[mode]);
      expect(plain(out)).toEqual(plain(referenceEpoch(input)));
    });
  }
});
