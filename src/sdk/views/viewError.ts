/**
 * Why a view of the chain cannot be given: no such subnet (`NO_SUCH_SUBNET`), or the chain's own
 * rejection of what was asked to be simulated (a pool's code such as `ReservesTooLow`). It names the
 * parameter at fault and how to fix it; a node answers it as a JSON-RPC error with the same code and
 * field.
 */
import { TensormarketError } from '../../engine/errors.ts';

export class ViewError extends TensormarketError {
  readonly field: string;
  readonly fix: string | undefined;

  constructor(code: string, field: string, message: string, fix?: string) {
    super(code, message, { details: { field, ...(fix === undefined ? {} : { fix }) } });
    this.field = field;
    this.fix = fix;
  }
}
