import { describe, expect, it } from 'vitest';
import { InputError } from '../engine/errors.ts';
import { parseU16List, randomSalt, SALT_LENGTH, uidWeights, weightsU16 } from './weightsInput.ts';

describe('weights options', () => {
  it('scales weights so the largest is 65535, as the chain max-upscales them', () => {
    expect(weightsU16('0.25,0.75', '--weights')).toEqual([21_845, 65_535]);
    expect(weightsU16('3, 0, 1.5', '--weights')).toEqual([65_535, 0, 32_768]);
    // Already u16 with a 65535 maximum: unchanged.
    expect(weightsU16('65535,3', '--weights')).toEqual([65_535, 3]);
  });

  it('refuses weights and UIDs that are not what the chain takes, naming the option', () => {
    expect(() => weightsU16('0,0', '--weights')).toThrow('--weights: every weight is 0');
    expect(() => weightsU16('1,-1', '--weights')).toThrow('item 2');
    expect(() => weightsU16('1,,2', '--weights')).toThrow(InputError);
    expect(() => parseU16List('0,65536', '--uids')).toThrow('--uids: item 2 "65536"');
    expect(() => parseU16List('1.5', '--salt')).toThrow('--salt');
    expect(() => parseU16List(undefined, '--uids')).toThrow('--uids: required');
    expect(() => uidWeights('0,1', '1')).toThrow('--weights: 1 weights for 2 UIDs');
    expect(() => uidWeights('1,1', '1,2')).toThrow('--uids: UID 1 appears twice');
    expect(uidWeights('0, 1', '1,3')).toEqual({ uids: [0, 1], weights: [21_845, 65_535] });
  });

  it('makes a salt of u16s, different each time', () => {
    const a = randomSalt();
    const b = randomSalt();
    expect(a).toHaveLength(SALT_LENGTH);
    for (const x of [...a, ...b]) expect(Number.isInteger(x) && x >= 0 && x <= 65_535, String(x)).toBe(true);
    expect(a).not.toEqual(b);
  });
});
