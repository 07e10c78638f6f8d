import { describe, expect, it } from 'vitest';
import { InputError } from '../engine/errors.ts';
import {
  buyLimitPrice,
  moveSlippage,
  parseTolerance,
  priceRao,
  sellLimitPrice,
  toleranceNumber,
  withinTolerance,
} from './slippageTolerance.ts';

describe('slippage tolerance', () => {
  it('reads --tolerance exactly, in parts per billion, from 0 to 1', () => {
    expect(parseTolerance('0.05')).toBe(50_000_000n);
    expect(parseTolerance('0')).toBe(0n);
    expect(parseTolerance('1')).toBe(1_000_000_000n);
    expect(parseTolerance('0.000000001')).toBe(1n);
    expect(toleranceNumber(parseTolerance('0.25'))).toBe(0.25);
    for (const bad of ['1.5', '-0.1', '.05', '5%', '0.0000000001', ''])
      expect(() => parseTolerance(bad), bad).toThrow(InputError);
    expect(() => parseTolerance('2')).toThrow('--tolerance');
  });

  it('bounds a buy above and a sell below the price, rounding in the order’s favour', () => {
    const tolerance = parseTolerance('0.05');
    // 1.020012232 τ/α × 1.05 = 1.0710128436 → up for a buy, down for a sell at × 0.95 = 0.9690116204
    expect(buyLimitPrice(1_020_012_232n, tolerance)).toBe(1_071_012_844n);
    expect(sellLimitPrice(1_020_012_232n, tolerance)).toBe(969_011_620n);
    expect(buyLimitPrice(1_000_000_000n, parseTolerance('0'))).toBe(1_000_000_000n);
    expect(sellLimitPrice(1_000_000_000n, parseTolerance('1'))).toBe(0n);
  });

  it('takes the node’s float price to the nearest rao per alpha', () => {
    expect(priceRao(1.0200122323541687)).toBe(1_020_012_232n);
    expect(priceRao(0)).toBe(0n);
    expect(() => priceRao(Number.NaN)).toThrow(RangeError);
  });

  it('measures a move’s loss against the spot prices', () => {
    // 100 alpha at 2 τ/α is 200 τ, which buys 200 alpha at 1 τ/α; 190 is 5 % short.
    const input = { alpha: 100n, originPrice: 2_000_000_000n, destinationPrice: 1_000_000_000n };
    expect(moveSlippage({ ...input, alphaOut: 190n })).toBeCloseTo(0.05, 12);
    expect(moveSlippage({ ...input, alphaOut: 200n })).toBe(0);
    expect(moveSlippage({ ...input, alphaOut: 210n })).toBeCloseTo(-0.05, 12);
    expect(withinTolerance(0.049, parseTolerance('0.05'))).toBe(true);
    expect(withinTolerance(0.051, parseTolerance('0.05'))).toBe(false);
  });
});
