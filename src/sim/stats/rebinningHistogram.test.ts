import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRebinningHistogram } from './rebinningHistogram.ts';

describe('rebinning histogram', () => {
  it('counts every value exactly into its final bins (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 500 }),
        fc.integer({ min: 1, max: 80 }),
        (xs, pilot) => {
          const h = createRebinningHistogram({ bins: 32, pilot });
          for (const x of xs) h.push(x);
          const { edges, counts } = h.result();
          expect(edges.length).toBe(counts.length + 1);
          expect(counts.reduce((s, c) => s + c, 0)).toBe(xs.length);
          const tol = 8 * Number.EPSILON * Math.max(1, ...xs.map(Math.abs));
          expect(Math.min(...xs)).toBeGreaterThanOrEqual(edges[0]! - tol);
          expect(Math.max(...xs)).toBeLessThanOrEqual(edges.at(-1)! + tol);
          // Recount with the final edges; values a rounding hair from an edge may sit on either side.
          const recount = new Array<number>(counts.length).fill(0);
          let nearEdge = 0;
          for (const x of xs) {
            let i = 0;
            while (i < counts.length - 1 && x >= edges[i + 1]!) i += 1;
            recount[i]! += 1;
            // Edges are origin + i·width: their rounding scales with the largest edge, not with x.
            const hair =
              8 * Number.EPSILON * Math.max(1, Math.abs(x), Math.abs(edges[0]!), Math.abs(edges.at(-1)!));
            if (edges.some((e) => Math.abs(x - e) <= hair)) nearEdge += 1;
          }
          const diff = recount.reduce((s, c, i) => s + Math.abs(c - counts[i]!), 0);
          expect(diff).toBeLessThanOrEqual(2 * nearEdge);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('keeps at least a quarter of its bins and constant memory', () => {
    const h = createRebinningHistogram({ bins: 64, pilot: 16 });
    const before = h.sizeBytes();
    for (let i = 0; i < 100_000; i++) h.push(Math.sin(i) * 1000 + i / 100);
    expect(h.sizeBytes()).toBeLessThanOrEqual(before);
    expect(h.result().counts.length).toBeGreaterThanOrEqual(16);
  });

  it('handles constant and empty inputs', () => {
    expect(createRebinningHistogram().result()).toEqual({ edges: [], counts: [] });
    const h = createRebinningHistogram({ pilot: 4 });
    for (let i = 0; i < 10; i++) h.push(3);
    const r = h.result();
    expect(r.counts).toEqual([10]);
    expect(r.edges[0]!).toBeLessThanOrEqual(3);
    expect(r.edges[1]!).toBeGreaterThan(3);
  });
});
