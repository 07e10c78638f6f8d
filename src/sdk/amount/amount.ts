/**
 * The one JSON shape of an amount of TAO in the API: `{ "rao": "<integer string>", "tao": "<decimal
 * string>" }`. Strings, because a JSON number loses rao past 2^53; both units, so a reader needs no
 * arithmetic. Requests may send that shape, `{ "rao" }` alone, or a decimal TAO string.
 */
import { z } from 'zod';
import { RAO_PER_TAO } from '../../engine/chainConstants.ts';
import type { Rao } from '../../engine/types.ts';
import { AmountError, type AmountErrorCode } from './amountError.ts';

/** An amount as sent and received: exact integer rao and the same value in TAO. */
export interface AmountJson {
  /** Integer rao, e.g. `"1500000000"`. */
  readonly rao: string;
  /** Decimal TAO with at most 9 decimals and no trailing zeros, e.g. `"1.5"`. */
  readonly tao: string;
}

/** The schema of {@link AmountJson} as the API writes it; published in the output shapes of commands. */
export const amountJsonSchema = z
  .strictObject({
    rao: z
      .string()
      .regex(/^-?\d+$/)
      .describe('integer rao, e.g. "1500000000"'),
    tao: z
      .string()
      .regex(/^-?\d+(\.\d{1,9})?$/)
      .describe('the same amount in TAO, at most 9 decimals, no trailing zeros, e.g. "1.5"'),
  })
  .describe('an amount of TAO: exact rao and the same value in TAO, both strings');

/** Decimals of a TAO amount, from the rao scale (1 rao = 10^-9 TAO). */
const TAO_DECIMALS = RAO_PER_TAO.toString().length - 1;
/** The largest amount the chain holds (a u64 of rao). */
const U64_MAX: Rao = (1n << 64n) - 1n;
/** Digits of {@link U64_MAX}: a longer integer is out of range before it is parsed. */
const U64_DIGITS = U64_MAX.toString().length;

const DECIMAL = /^(-?)(\d+)(?:\.(\d+))?$/;
const INTEGER = /^(-?)(\d+)$/;
const SHAPE = 'an amount is { "rao": "<integer string>" } or a decimal TAO string such as "1.5"';

/**
 * An amount in the API's JSON shape; exact (no float).
 * @example amountJson(1_500_000_000n) // { rao: '1500000000', tao: '1.5' }
 */
export function amountJson(rao: Rao): AmountJson {
  const sign = rao < 0n ? '-' : '';
  const magnitude = rao < 0n ? -rao : rao;
  const whole = (magnitude / RAO_PER_TAO).toString();
  const fraction = (magnitude % RAO_PER_TAO).toString().padStart(TAO_DECIMALS, '0').replace(/0+$/, '');
  return { rao: rao.toString(), tao: `${sign}${whole}${fraction === '' ? '' : `.${fraction}`}` };
}

/** Options of {@link parseAmount}. */
export interface ParseAmountOptions {
  /** Accept amounts below zero (deltas); default `false`. */
  readonly signed?: boolean;
}

/**
 * Read an amount from a request: `{ rao, tao? }` or a decimal TAO string; throws an {@link AmountError}
 * naming `field` (or `field.rao` / `field.tao`) when it is not an exact amount of at most a u64 of rao.
 * @example parseAmount('1.5', 'amount') // 1_500_000_000n
 * @example parseAmount({ rao: '7' }, 'amount') // 7n
 */
export function parseAmount(value: unknown, field: string, options?: ParseAmountOptions): Rao {
  const read = readAmount(value, options?.signed === true);
  if (read.ok) return read.rao;
  const { code, path, reason, fix } = read.problem;
  throw new AmountError({ code, field: [field, ...path].filter((s) => s !== '').join('.'), reason, fix });
}

/**
 * A zod schema for an amount parameter: the parsed value is rao (`bigint`); a bad amount is an issue
 * at its path whose `params` carry the {@link AmountErrorCode} and the fix.
 * @example z.tuple([z.string(), amountParam()]) // [hotkey, amount]
 */
export function amountParam(options?: ParseAmountOptions) {
  const signed = options?.signed === true;
  return z.unknown().transform((value, ctx): Rao => {
    const read = readAmount(value, signed);
    if (read.ok) return read.rao;
    const { code, path, reason, fix } = read.problem;
    ctx.addIssue({ code: 'custom', message: `${reason}; ${fix}`, path: [...path], params: { code, fix } });
    return z.NEVER;
  });
}

/** Why a value is not an amount, and where inside it. */
interface AmountProblem {
  readonly code: AmountErrorCode;
  /** `['rao']`, `['tao']` or `[]` for the value itself. */
  readonly path: readonly string[];
  readonly reason: string;
  readonly fix: string;
}

/** A read amount and where it was read from (`['rao']`, `['tao']` or `[]`), or why it is not one. */
type AmountRead =
  | { readonly ok: true; readonly rao: Rao; readonly path: readonly string[] }
  | { readonly ok: false; readonly problem: AmountProblem };

function readAmount(value: unknown, signed: boolean): AmountRead {
  const read = readUnchecked(value);
  if (!read.ok) return read;
  if (read.rao < 0n && !signed) {
    return fail(
      'AMOUNT_NEGATIVE',
      read.path,
      `${amountJson(read.rao).tao} TAO is below zero`,
      'send zero or more',
    );
  }
  return read.rao > U64_MAX || read.rao < -U64_MAX ? outOfRange(read.path) : read;
}

function readUnchecked(value: unknown): AmountRead {
  if (typeof value === 'string') return readTao(value, []);
  if (typeof value === 'number') {
    return fail(
      'AMOUNT_INVALID',
      [],
      `${value} is a JSON number, which loses rao past 2^53`,
      `send a string: ${SHAPE}`,
    );
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return fail('AMOUNT_INVALID', [], value === undefined ? 'missing' : `got ${describe(value)}`, SHAPE);
  }
  const members = value as Record<string, unknown>;
  const unknown = Object.keys(members).find((key) => key !== 'rao' && key !== 'tao');
  if (unknown !== undefined) {
    return fail('AMOUNT_INVALID', [unknown.slice(0, 40)], 'is not a member of an amount', SHAPE);
  }
  const hasRao = Object.hasOwn(members, 'rao');
  const hasTao = Object.hasOwn(members, 'tao');
  if (!hasRao && !hasTao) return fail('AMOUNT_INVALID', [], 'has neither "rao" nor "tao"', SHAPE);
  const fromRao = hasRao ? readRao(members.rao) : undefined;
  if (fromRao !== undefined && !fromRao.ok) return fromRao;
  const fromTao = hasTao ? readTao(members.tao, ['tao']) : undefined;
  if (fromTao !== undefined && !fromTao.ok) return fromTao;
  if (fromRao?.ok && fromTao?.ok && fromRao.rao !== fromTao.rao) {
    return fail(
      'AMOUNT_MISMATCH',
      ['tao'],
      `${describe(members.tao)} TAO is not ${describe(members.rao)} rao (${amountJson(fromRao.rao).tao} TAO)`,
      'send "rao" alone, or a "tao" equal to it',
    );
  }
  return (fromRao ?? fromTao) as AmountRead;
}

function readRao(value: unknown): AmountRead {
  const match = typeof value === 'string' ? INTEGER.exec(value) : null;
  if (match === null) {
    return fail(
      'AMOUNT_INVALID',
      ['rao'],
      `got ${describe(value)}`,
      'send rao as an integer string such as "1500000000"',
    );
  }
  const [, sign, digits] = match as unknown as [string, string, string];
  return toRao(sign, digits, '', ['rao']);
}

function readTao(value: unknown, path: readonly string[]): AmountRead {
  const match = typeof value === 'string' ? DECIMAL.exec(value) : null;
  if (match === null) {
    return fail(
      'AMOUNT_INVALID',
      path,
      `got ${describe(value)}`,
      'send TAO as a decimal string such as "1.5"',
    );
  }
  const [, sign, whole, fraction = ''] = match as unknown as [string, string, string, string | undefined];
  if (fraction.length > TAO_DECIMALS) {
    return fail(
      'AMOUNT_TOO_PRECISE',
      path,
      `"${value}" has ${fraction.length} decimals`,
      `use at most ${TAO_DECIMALS} decimals (1 rao = 0.${'1'.padStart(TAO_DECIMALS, '0')} TAO)`,
    );
  }
  return toRao(sign, whole, fraction.padEnd(TAO_DECIMALS, '0'), path);
}

/** Rao from a sign, whole digits and (for TAO) exactly 9 fraction digits; long numbers fail early. */
function toRao(sign: string, whole: string, fraction: string, path: readonly string[]): AmountRead {
  const significant = `${whole}${fraction}`.replace(/^0+/, '');
  if (significant.length > U64_DIGITS) return outOfRange(path);
  const magnitude = BigInt(significant === '' ? '0' : significant);
  return { ok: true, rao: sign === '-' ? -magnitude : magnitude, path };
}

function outOfRange(path: readonly string[]): AmountRead {
  const max = amountJson(U64_MAX);
  return fail(
    'AMOUNT_OUT_OF_RANGE',
    path,
    'is beyond a u64 of rao',
    `send at most ${max.rao} rao (${max.tao} TAO) in magnitude`,
  );
}

function fail(code: AmountErrorCode, path: readonly string[], reason: string, fix: string): AmountRead {
  return { ok: false, problem: { code, path, reason, fix } };
}

/** A short description of a bad value for a message (long strings cut). */
function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `${typeof value} ${String(value)}`;
}
