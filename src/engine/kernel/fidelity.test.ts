/**
 * The kernel against the exact engine on the same 30-day scenario (see `kernelFidelity.ts` for the
 * scenario and the time compression): at day 30, emission shares, spot prices and pool reserves of every
 * subnet agree within 0.5% with a step of a day and with a step of a tempo.
 */
import { describe, expect, it } from 'vitest';
import { kernelFidelity } from './kernelFidelity.ts';

describe('kernel fidelity', () => {
  it('agrees with the exact engine at day 30 within 0.5% (k = a day and k = a tempo)', () => {
    const report = kernelFidelity({ steps: ['day', 'tempo'] });
    expect(report.days).toBe(30);
    expect(report.subnets).toBe(17);
    expect(report.runs.map((r) => r.step)).toEqual(['day', 'tempo']);
    for (const run of report.runs) {
      expect(run.share).toBeLessThan(0.005);
      expect(run.price).toBeLessThan(0.005);
      expect(run.taoReserve).toBeLessThan(0.005);
      expect(run.alphaReserve).toBeLessThan(0.005);
      expect(run.issuance).toBeLessThan(1e-6);
    }
  }, 300_000); // ~30 s on an idle machine: the exact engine runs 9,000 blocks
});
