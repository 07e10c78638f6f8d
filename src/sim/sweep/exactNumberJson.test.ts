import { describe, expect, it } from 'vitest';
import { decodeExactNumbers, encodeExactNumbers } from './exactNumberJson.ts';

const roundTrip = (value: unknown) =>
  decodeExactNumbers(JSON.parse(JSON.stringify(encodeExactNumbers(value))));

describe('exact number JSON', () => {
  it('keeps NaN, ±Infinity and −0 through JSON, at any depth', () => {
    const value = {
      mean: Number.NaN,
      list: [Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, -0, 0, 0.1 + 0.2, -1e-310],
      nested: { p5: -0, name: 'point-1' },
    };
    const back = roundTrip(value) as typeof value;
    expect(Number.isNaN(back.mean), String(back.mean)).toBe(true);
    expect(back.list).toEqual(value.list);
    expect(Object.is(back.list[2], -0), String(back.list[2])).toBe(true);
    expect(Object.is(back.list[3], 0), String(back.list[3])).toBe(true);
    expect(Object.is(back.nested.p5, -0), String(back.nested.p5)).toBe(true);
    expect(back.nested.name).toBe('point-1');
  });

  it('writes the four numbers JSON cannot hold as strings', () => {
    expect(
      JSON.stringify(
        encodeExactNumbers([Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, -0, 2]),
      ),
    ).toBe('["NaN","Infinity","-Infinity","-0",2]');
  });
});
