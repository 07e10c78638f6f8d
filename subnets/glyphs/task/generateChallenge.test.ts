import { describe, expect, it } from 'vitest';
import { InputError } from '../../../src/engine/errors.ts';
import { generateChallenge, generateTrainingSet } from './generateChallenge.ts';
import { GLYPH_CLASS_COUNT } from './glyphClasses.ts';
import { GLYPH_PIXELS } from './glyphImage.ts';

const bytes = (images: readonly Uint8Array[]) => Buffer.concat(images.map((i) => Buffer.from(i)));

describe('generateChallenge', () => {
  const a = generateChallenge({ seed: 'secret', count: 60, difficulty: 0.5 });

  it('is byte-identical for the same seed', () => {
    const b = generateChallenge({ seed: 'secret', count: 60, difficulty: 0.5 });
    expect(bytes(b.images).equals(bytes(a.images))).toBe(true);
    expect(b.labels).toEqual(a.labels);
  });

  it('draws different images from a different seed, and every image differs', () => {
    const other = generateChallenge({ seed: 'secret2', count: 60, difficulty: 0.5 });
    expect(bytes(other.images).equals(bytes(a.images))).toBe(false);
    const distinct = new Set(a.images.map((i) => Buffer.from(i).toString('base64')));
    expect(distinct.size).toBe(a.images.length);
  });

  it('gives the same first images whatever the count', () => {
    const short = generateChallenge({ seed: 'secret', count: 17, difficulty: 0.5 });
    expect(bytes(short.images).equals(bytes(a.images.slice(0, 17)))).toBe(true);
    expect(short.labels).toEqual(a.labels.slice(0, 17));
  });

  it('has valid, balanced labels and full-size images with ink', () => {
    expect(a.images.every((i) => i.length === GLYPH_PIXELS)).toBe(true);
    const counts = new Array<number>(GLYPH_CLASS_COUNT).fill(0);
    for (const label of a.labels) {
      expect(Number.isInteger(label) && label >= 0 && label < GLYPH_CLASS_COUNT).toBe(true);
      counts[label]! += 1;
    }
    expect(counts).toEqual(new Array(GLYPH_CLASS_COUNT).fill(6));
    const ink = a.images.map((i) => i.reduce((s, v) => s + v, 0) / GLYPH_PIXELS);
    expect(Math.min(...ink)).toBeGreaterThan(5);
  });

  it('renders clean glyphs at difficulty 0: dark ground, centred ink', () => {
    const clean = generateChallenge({ seed: 'clean', count: 20, difficulty: 0 });
    for (const image of clean.images) {
      let mass = 0;
      let cx = 0;
      let cy = 0;
      image.forEach((v, p) => {
        mass += v;
        cx += v * (p % 28);
        cy += v * Math.floor(p / 28);
      });
      expect(Math.abs(cx / mass - 13.5)).toBeLessThan(3.5);
      expect(Math.abs(cy / mass - 13.5)).toBeLessThan(3.5);
      expect(image[0]).toBe(0);
    }
  });

  it('adds noise as the difficulty grows', () => {
    const cornerSpread = (d: number) => {
      const set = generateChallenge({ seed: 'noise', count: 20, difficulty: d });
      // The corner pixel is background: its spread across images is the noise.
      const corner = set.images.map((i) => i[0]!);
      const mean = corner.reduce((s, v) => s + v, 0) / corner.length;
      return Math.sqrt(corner.reduce((s, v) => s + (v - mean) ** 2, 0) / corner.length);
    };
    expect(cornerSpread(0)).toBe(0);
    expect(cornerSpread(1)).toBeGreaterThan(cornerSpread(0.3));
  });

  it('keeps a seed’s training images apart from its challenge images', () => {
    const train = generateTrainingSet({ seed: 'secret', count: 20, maxDifficulty: 0.5 });
    expect(bytes(train.images).equals(bytes(a.images.slice(0, 20)))).toBe(false);
  });

  it('rejects bad input naming the field', () => {
    expect(() => generateChallenge({ seed: 's', count: 10, difficulty: 1.2 })).toThrow(InputError);
    expect(() => generateChallenge({ seed: 's', count: 0, difficulty: 0.2 })).toThrow(/count/);
    expect(() => generateChallenge({ seed: '', count: 5, difficulty: 0.2 })).toThrow(/seed/);
    expect(() => generateTrainingSet({ seed: 1, count: 5, maxDifficulty: -1 })).toThrow(/maxDifficulty/);
  });
});
