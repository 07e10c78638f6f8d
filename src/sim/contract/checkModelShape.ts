/**
 * The one check of a model's shape declarations: every key that `holderClasses` and `attribution` name
 * must be an outcome of the shape, the returns must be in unit 'return', and no key may repeat. The
 * runner checks a shape once, when the model hands it over; collectors take only a checked shape.
 */
import { ModelShapeError, type ModelShapeErrorCode } from './modelShapeError.ts';
import type { ModelShape } from './types.ts';

declare const checked: unique symbol;

/** A shape whose declarations name existing outcomes of the right unit (see {@link checkModelShape}). */
export type CheckedShape = ModelShape & { readonly [checked]: true };

/**
 * The shape, checked; throws a {@link ModelShapeError} naming the model, the field and the key.
 * @example const shape = checkModelShape({ shape: model.shape(scenario), model: model.name })
 */
export function checkModelShape({ shape, model }: { shape: ModelShape; model: string }): CheckedShape {
  const units = new Map(shape.outcomes.map((m) => [m.key, m.unit]));
  const outcomeList = shape.outcomes.map((m) => m.key).join(', ') || 'none';
  const fail = (code: ModelShapeErrorCode, field: string, key: string, problem: string): never => {
    throw new ModelShapeError({ code, model, field, key, problem });
  };
  const outcome = (field: string, key: string, mustBeReturn: boolean) => {
    const unit = units.get(key);
    if (unit === undefined)
      fail(
        'SHAPE_UNKNOWN_OUTCOME',
        field,
        key,
        `"${key}" is not an outcome of the shape (its outcomes: ${outcomeList}); declare it in shape.outcomes or remove it here`,
      );
    if (mustBeReturn && unit !== 'return')
      fail(
        'SHAPE_NOT_A_RETURN',
        field,
        key,
        `"${key}" has unit '${unit}', expected 'return' (a simple return over the horizon, -1 = all lost)`,
      );
  };
  const unique = (field: string, keys: readonly string[]) => {
    const seen = new Set<string>();
    keys.forEach((key, i) => {
      if (seen.has(key))
        fail('SHAPE_DUPLICATE_KEY', `${field}[${i}]`, key, `"${key}" is named twice; list each outcome once`);
      seen.add(key);
    });
  };

  const classes = shape.holderClasses ?? [];
  for (const [i, c] of classes.entries()) outcome(`holderClasses[${i}].key`, c.key, true);
  unique(
    'holderClasses',
    classes.map((c) => c.key),
  );

  const a = shape.attribution;
  if (a !== undefined) {
    outcome('attribution.of', a.of, true);
    if (a.parts.length === 0)
      fail(
        'SHAPE_NO_PARTS',
        'attribution.parts',
        '',
        'lists no outcome; name the outcomes that sum to ln(1 + of)',
      );
    a.parts.forEach((key, i) => {
      outcome(`attribution.parts[${i}]`, key, false);
      if (key === a.of)
        fail(
          'SHAPE_DUPLICATE_KEY',
          `attribution.parts[${i}]`,
          key,
          `"${key}" is the outcome being decomposed (attribution.of), so it cannot also be one of its parts`,
        );
    });
    unique('attribution.parts', a.parts);
  }
  return shape as CheckedShape;
}
