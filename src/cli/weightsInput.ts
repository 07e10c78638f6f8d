/**
 * The weights options as btcli takes them: `--uids 0,1,2`, `--weights 0.2,0.3,0.5` (any non-negative
 * numbers, sent as u16 scaled so the largest is 65535, as btcli and the chain's own max-upscale do) and
 * `--salt 1,2,3` (u16s).
 */
import { randomInt } from 'node:crypto';
import { InputError } from '../engine/errors.ts';

/** The largest u16. */
const U16_MAX = 65_535;

/** How many u16s a generated salt has (btcli's length). */
export const SALT_LENGTH = 8;

/** A comma-separated list from `option`, each item checked by `item`. */
function list<T>(text: string | undefined, option: string, item: (s: string, i: number) => T): T[] {
  if (text === undefined || text.trim() === '')
    throw new InputError(option, 'required: a comma-separated list');
  return text.split(',').map((s, i) => item(s.trim(), i));
}

/**
 * `--uids` or `--salt`: u16 integers.
 * @example parseU16List('0,1,5', '--uids') // [0, 1, 5]
 */
export function parseU16List(text: string | undefined, option: string): number[] {
  return list(text, option, (s, i) => {
    const n = Number(s);
    if (!/^\d+$/.test(s) || n > U16_MAX)
      throw new InputError(option, `item ${i + 1} "${s}" is not a whole number from 0 to ${U16_MAX}`);
    return n;
  });
}

/**
 * `--weights`: non-negative numbers, as u16 scaled so the largest is 65535 (rounded to nearest).
 * @example weightsU16('0.25,0.75', '--weights') // [21845, 65535]
 */
export function weightsU16(text: string | undefined, option: string): number[] {
  const values = list(text, option, (s, i) => {
    const n = Number(s);
    if (s === '' || !Number.isFinite(n) || n < 0)
      throw new InputError(option, `item ${i + 1} "${s}" is not a number ≥ 0`);
    return n;
  });
  const max = Math.max(...values);
  if (max === 0) throw new InputError(option, 'every weight is 0; give at least one above 0');
  return values.map((v) => Math.round((v / max) * U16_MAX));
}

/**
 * The UIDs and their u16 weights, checked to pair up one to one with no UID twice.
 * @example uidWeights('0,1', '1,3') // { uids: [0, 1], weights: [21845, 65535] }
 */
export function uidWeights(
  uidsText: string | undefined,
  weightsText: string | undefined,
): { uids: number[]; weights: number[] } {
  const uids = parseU16List(uidsText, '--uids');
  const weights = weightsU16(weightsText, '--weights');
  if (uids.length !== weights.length)
    throw new InputError(
      '--weights',
      `${weights.length} weights for ${uids.length} UIDs; give one weight per UID`,
    );
  const twice = uids.find((u, i) => uids.indexOf(u) !== i);
  if (twice !== undefined) throw new InputError('--uids', `UID ${twice} appears twice`);
  return { uids, weights };
}

/** A new random salt: {@link SALT_LENGTH} u16s from the system's secure generator. */
export function randomSalt(): number[] {
  return Array.from({ length: SALT_LENGTH }, () => randomInt(0, U16_MAX + 1));
}
