/** The error raised when a model's shape declares holder classes or an attribution it cannot honour. */
import { TensormarketError } from '../../engine/errors.ts';

/**
 * `SHAPE_UNKNOWN_OUTCOME`: a key is not one of the shape's outcomes; `SHAPE_NOT_A_RETURN`: a holder
 * class or the attributed outcome is not in unit 'return'; `SHAPE_DUPLICATE_KEY`: a key is named twice
 * (or the attributed outcome is also one of its parts); `SHAPE_NO_PARTS`: an attribution without parts.
 */
export type ModelShapeErrorCode =
  | 'SHAPE_UNKNOWN_OUTCOME'
  | 'SHAPE_NOT_A_RETURN'
  | 'SHAPE_DUPLICATE_KEY'
  | 'SHAPE_NO_PARTS';

/** A shape declaration that does not fit the shape's outcomes; the message names the model, the field and the key. */
export class ModelShapeError extends TensormarketError {
  declare readonly code: ModelShapeErrorCode;
  /** The model's name. */
  readonly model: string;
  /** Where in the shape, e.g. `attribution.parts[2]`. */
  readonly field: string;
  /** The key at fault (empty for `SHAPE_NO_PARTS`). */
  readonly key: string;

  constructor(options: {
    code: ModelShapeErrorCode;
    model: string;
    field: string;
    key: string;
    problem: string;
  }) {
    const { code, model, field, key, problem } = options;
    super(code, `model ${model}: shape.${field}: ${problem}`, { details: { model, field, key } });
    this.model = model;
    this.field = field;
    this.key = key;
  }
}
