/** A whole-number command-line option within a range, or an InputError naming the option. */
import { InputError } from '../engine/errors.ts';

/**
 * A whole number from `option` within `min`..`max`.
 * @example wholeNumber('3', '--netuid', 0, 65535) // 3
 */
export function wholeNumber(text: string | undefined, option: string, min: number, max: number): number {
  if (text === undefined) throw new InputError(option, `required: a whole number from ${min} to ${max}`);
  const n = Number(text);
  if (!/^\d+$/.test(text.trim()) || !Number.isSafeInteger(n) || n < min || n > max)
    throw new InputError(option, `expected a whole number from ${min} to ${max}, got "${text}"`);
  return n;
}
