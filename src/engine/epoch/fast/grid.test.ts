import { describe, expect, it } from 'vitest';
import { GRID, proportionToU16, toGrid, u16Ratio } from './grid.ts';

describe('grid', () => {
  it('u16Ratio is the chain\u2019s truncating u16 / 65535 for every u16', () => {
    for (let x = 0; x <= 65_535; x++) {
      const exact = Number(((BigInt(x) << 32n) / 65_535n) as bigint) / GRID;
      if (u16Ratio(x) !== exact) expect(u16Ratio(x)).toBe(exact);
    }
    expect(u16Ratio(65_535)).toBe(1);
  });

  it('truncates to 2^-32 and stores floor(x * 65535), clamped', () => {
    expect(toGrid(1 / 3)).toBe(Math.floor(GRID / 3) / GRID);
    expect(proportionToU16(1)).toBe(65_535);
    expect(proportionToU16(0.5)).toBe(32_767);
    expect(proportionToU16(1.5)).toBe(65_535);
    expect(proportionToU16(-0.1)).toBe(0);
  });
});
