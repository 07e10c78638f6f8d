/**
 * Errors of the project. Expected rejections are returned as `{ ok: false, error }` values with a
 * stable `code`; only bugs and broken invariants throw.
 */

/** Base class: every error carries a stable machine-readable `code`. */
export class TensormarketError extends Error {
  readonly code: string;
  readonly details: Readonly<Record<string, unknown>> | undefined;

  constructor(
    code: string,
    message: string,
    options?: { details?: Record<string, unknown>; cause?: unknown },
  ) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.code = code;
    this.details = options?.details;
  }
}

/** A broken invariant: a bug in the engine or its caller, never a user mistake. */
export class InvariantError extends TensormarketError {}

/** Bad input from a user or a file: names the field and how to fix it. */
export class InputError extends TensormarketError {
  readonly field: string;

  constructor(
    field: string,
    message: string,
    options?: { details?: Record<string, unknown>; cause?: unknown },
  ) {
    super('INVALID_INPUT', `${field}: ${message}`, options);
    this.field = field;
  }
}

/** Throw an {@link InvariantError} with `code` unless `condition` holds. */
export function invariant(condition: unknown, code: string, message?: string): asserts condition {
  if (!condition) throw new InvariantError(code, message ?? `invariant ${code} violated`);
}

/** An expected rejection, returned (not thrown) by transitions. */
export interface Rejection<C extends string = string> {
  readonly code: C;
  readonly message: string;
  /** The input field that caused the rejection, when there is one. */
  readonly field?: string;
}

/** Result of an operation that may be rejected. */
export type Result<T, C extends string = string> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly error: Rejection<C> };

/** Successful result. */
export function ok<T>(value: T): { readonly ok: true; readonly value: T } {
  return { ok: true, value };
}

/** Rejected result with a stable code and a message naming the field. */
export function reject<C extends string>(
  code: C,
  message: string,
  field?: string,
): { readonly ok: false; readonly error: Rejection<C> } {
  return { ok: false, error: field === undefined ? { code, message } : { code, message, field } };
}
