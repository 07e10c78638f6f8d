/** An assertion for `{ ok }` results that prints the whole result (its error or issues) when it fails. */
import { expect } from 'vitest';

/**
 * Assert `result.ok` and narrow the result to its ok branch.
 * @example expectOk(r); expect(r.value.fee).toBe(0n);
 */
export function expectOk<R extends { readonly ok: boolean }>(
  result: R,
): asserts result is Extract<R, { readonly ok: true }> {
  expect(result).toMatchObject({ ok: true });
}
