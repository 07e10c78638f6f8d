import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { floorToInt, fromF64, fromInt, U64F64, U96F32 } from '../fixed/index.ts';
import { emissionShares, priceEmaShares, rootSellFlag, subnetTaoEmissions } from './shares.ts';

const price = (x: number) => fromF64(U64F64, x);
const burned = (x: number) => fromF64(U96F32, x);
const subnet = (p: number, b = 0, emissionEnabled = true) => ({
  movingPrice: price(p),
  minerBurned: burned(b),
  emissionEnabled,
});

describe('emission shares', () => {
  it('three equal prices: share floor(2^64/3) and 1_111_110 rao each once floored', () => {
    expect(priceEmaShares([price(1), price(1), price(1)])).toEqual([
      ((1n << 64n) / 3n) as U64F64,
      ((1n << 64n) / 3n) as U64F64,
      ((1n << 64n) / 3n) as U64F64,
    ]);
    const e = subnetTaoEmissions({ blockEmission: 3_333_333n, subnets: [subnet(1), subnet(1), subnet(1)] });
    expect(e.map((x) => floorToInt(U96F32, x))).toEqual([1_111_110n, 1_111_110n, 1_111_110n]);
  });

  it('weights by (1 - MinerBurned) and falls back to price shares when every weight is 0', () => {
    const s = emissionShares([subnet(1, 0.5), subnet(1, 0)]);
    expect(s[1]).toBeGreaterThan(s[0] ?? 0n);
    expect(emissionShares([subnet(1, 1), subnet(3, 2)])).toEqual(priceEmaShares([price(1), price(3)]));
    expect(emissionShares([subnet(0), subnet(0)])).toEqual([0n, 0n]);
  });

  it('gives disabled subnets nothing and renormalises the enabled ones', () => {
    const e = subnetTaoEmissions({ blockEmission: 1000n, subnets: [subnet(1), subnet(1, 0, false)] });
    expect(e).toEqual([fromInt(U96F32, 1000n), 0n]);
    expect(subnetTaoEmissions({ blockEmission: 1000n, subnets: [subnet(1, 0, false)] })).toEqual([0n]);
  });

  it('root sell needs a moving-price sum above 1', () => {
    expect(rootSellFlag([price(0.5), price(0.5)])).toBe(false);
    expect(rootSellFlag([price(0.5), price(0.6)])).toBe(true);
  });

  const subnets = fc.array(
    fc.record({
      movingPrice: fc.bigInt({ min: 0n, max: 1n << 66n }).map((x) => x as U64F64),
      minerBurned: fc.bigInt({ min: 0n, max: 1n << 33n }).map((x) => x as U96F32),
      emissionEnabled: fc.boolean(),
    }),
    { minLength: 1, maxLength: 12 },
  );

  it('shares sum to at most 1 and within n ULP of 1', () => {
    fc.assert(
      fc.property(subnets, (rows) => {
        const total = emissionShares(rows).reduce((s, x) => s + x, 0n);
        const anyPrice = rows.some((r) => r.movingPrice > 0n);
        expect(total).toBeLessThanOrEqual(U64F64.one);
        if (anyPrice) expect(total).toBeGreaterThanOrEqual(U64F64.one - BigInt(rows.length));
      }),
    );
  });

  it('subnet emissions never exceed the block emission', () => {
    fc.assert(
      fc.property(subnets, fc.bigInt({ min: 0n, max: 10n ** 12n }), (rows, blockEmission) => {
        const e = subnetTaoEmissions({ blockEmission, subnets: rows });
        const spent = e.reduce((s, x) => s + floorToInt(U96F32, x), 0n);
        expect(spent).toBeLessThanOrEqual(blockEmission);
        rows.forEach((r, i) => {
          if (!r.emissionEnabled && rows.some((x) => !x.emissionEnabled)) expect(e[i]).toBe(0n);
        });
      }),
    );
  });
});
