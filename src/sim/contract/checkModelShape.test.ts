import { describe, expect, it } from 'vitest';
import { checkModelShape } from './checkModelShape.ts';
import { ModelShapeError } from './modelShapeError.ts';
import type { MetricInfo, ModelShape } from './types.ts';

const metric = (key: string, unit: MetricInfo['unit']): MetricInfo => ({
  key,
  label: key,
  unit,
  description: key,
});
const base: ModelShape = {
  series: [],
  outcomes: [metric('ret', 'return'), metric('other', 'return'), metric('a', 'ratio'), metric('b', 'ratio')],
  events: [],
};
const check = (shape: Partial<ModelShape>) => () =>
  checkModelShape({ shape: { ...base, ...shape }, model: 'm1' });

/** The error a check throws, for its code, message and fields. */
function thrown(fn: () => unknown): ModelShapeError {
  try {
    fn();
  } catch (error) {
    if (error instanceof ModelShapeError) return error;
    throw error;
  }
  throw new Error('expected a ModelShapeError, nothing was thrown');
}

describe('checkModelShape', () => {
  it('accepts a shape without declarations and one whose declarations name its outcomes', () => {
    expect(checkModelShape({ shape: base, model: 'm1' })).toBe(base);
    const shape = {
      ...base,
      holderClasses: [
        { key: 'ret', label: 'Holder' },
        { key: 'other', label: 'Other holder' },
      ],
      attribution: { of: 'ret', parts: ['a', 'b'], label: 'Log return' },
    };
    expect(checkModelShape({ shape, model: 'm1' })).toBe(shape);
  });

  it('names the model, the field and the key of an outcome the shape does not have', () => {
    const e = thrown(check({ attribution: { of: 'ret', parts: ['a', 'luck'], label: 'L' } }));
    expect(e.code).toBe('SHAPE_UNKNOWN_OUTCOME');
    expect({ model: e.model, field: e.field, key: e.key }).toEqual({
      model: 'm1',
      field: 'attribution.parts[1]',
      key: 'luck',
    });
    expect(e.message).toBe(
      'model m1: shape.attribution.parts[1]: "luck" is not an outcome of the shape (its outcomes: ret, other, a, b); declare it in shape.outcomes or remove it here',
    );
    expect(
      thrown(
        check({
          holderClasses: [
            { key: 'ret', label: 'x' },
            { key: 'nope', label: 'y' },
          ],
        }),
      ),
    ).toMatchObject({
      code: 'SHAPE_UNKNOWN_OUTCOME',
      field: 'holderClasses[1].key',
      key: 'nope',
    });
    expect(thrown(check({ attribution: { of: 'gone', parts: ['a'], label: 'L' } }))).toMatchObject({
      code: 'SHAPE_UNKNOWN_OUTCOME',
      field: 'attribution.of',
    });
  });

  it('wants returns where returns are meant', () => {
    const e = thrown(check({ holderClasses: [{ key: 'a', label: 'x' }] }));
    expect(e.code).toBe('SHAPE_NOT_A_RETURN');
    expect(e.message).toContain(`shape.holderClasses[0].key: "a" has unit 'ratio', expected 'return'`);
    expect(thrown(check({ attribution: { of: 'b', parts: ['a'], label: 'L' } })).code).toBe(
      'SHAPE_NOT_A_RETURN',
    );
  });

  it('refuses repeated keys, the decomposed outcome among its parts, and no parts', () => {
    expect(
      thrown(
        check({
          holderClasses: [
            { key: 'ret', label: 'x' },
            { key: 'ret', label: 'y' },
          ],
        }),
      ),
    ).toMatchObject({ code: 'SHAPE_DUPLICATE_KEY', field: 'holderClasses[1]', key: 'ret' });
    expect(thrown(check({ attribution: { of: 'ret', parts: ['a', 'a'], label: 'L' } }))).toMatchObject({
      code: 'SHAPE_DUPLICATE_KEY',
      field: 'attribution.parts[1]',
    });
    expect(thrown(check({ attribution: { of: 'ret', parts: ['a', 'ret'], label: 'L' } }))).toMatchObject({
      code: 'SHAPE_DUPLICATE_KEY',
      key: 'ret',
    });
    expect(thrown(check({ attribution: { of: 'ret', parts: [], label: 'L' } })).code).toBe('SHAPE_NO_PARTS');
  });
});
