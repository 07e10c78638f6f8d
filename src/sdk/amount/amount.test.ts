import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { RAO_PER_TAO } from '../../engine/chainConstants.ts';
import { amountJson, amountJsonSchema, amountParam, parseAmount } from './amount.ts';
import { AmountError } from './amountError.ts';

const U64_MAX = 18_446_744_073_709_551_615n;

/** The error `parseAmount` throws for `value`, as plain data. */
function failure(value: unknown, field = 'amount', signed = false) {
  try {
    parseAmount(value, field, { signed });
  } catch (error) {
    expect(error).toBeInstanceOf(AmountError);
    const { code, field: at, message } = error as AmountError;
    return { code, field: at, message };
  }
  throw new Error(`${JSON.stringify(value)} was accepted`);
}

describe('amountJson', () => {
  it('writes exact rao and TAO with trailing zeros trimmed', () => {
    const cases: [bigint, string][] = [
      [1_500_000_000n, '1.5'],
      [0n, '0'],
      [1n, '0.000000001'],
      [RAO_PER_TAO, '1'],
      [-1_500_000_000n, '-1.5'],
      [-1n, '-0.000000001'],
      [123_456_789_012n, '123.456789012'],
      [U64_MAX, '18446744073.709551615'],
    ];
    for (const [rao, tao] of cases)
      expect({ rao, json: amountJson(rao) }).toEqual({ rao, json: { rao: `${rao}`, tao } });
  });
});

describe('amountJsonSchema', () => {
  it('accepts what amountJson writes and refuses numbers and extra members', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -U64_MAX, max: U64_MAX }), (rao) => {
        expect(amountJsonSchema.safeParse(amountJson(rao)).success).toBe(true);
      }),
    );
    expect(amountJsonSchema.safeParse({ rao: 1, tao: '1' }).success).toBe(false);
    expect(amountJsonSchema.safeParse({ rao: '1', tao: '1.0000000001' }).success).toBe(false);
    expect(amountJsonSchema.safeParse({ rao: '1', tao: '0.000000001', usd: '1' }).success).toBe(false);
  });
});

describe('parseAmount', () => {
  it('reads the shape, rao alone, and decimal TAO strings', () => {
    expect(parseAmount({ rao: '1500000000', tao: '1.5' }, 'amount')).toBe(1_500_000_000n);
    expect(parseAmount({ rao: '7' }, 'amount')).toBe(7n);
    expect(parseAmount({ tao: '0.000000001' }, 'amount')).toBe(1n);
    expect(parseAmount('2', 'amount')).toBe(2_000_000_000n);
    expect(parseAmount('0.1', 'amount')).toBe(100_000_000n);
    expect(parseAmount('007.50', 'amount')).toBe(7_500_000_000n);
    expect(parseAmount('-1.5', 'delta', { signed: true })).toBe(-1_500_000_000n);
  });

  it('reads back what amountJson writes, in either unit', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -U64_MAX, max: U64_MAX }), (rao) => {
        const json = amountJson(rao);
        expect(parseAmount(json, 'x', { signed: true })).toBe(rao);
        expect(parseAmount(json.tao, 'x', { signed: true })).toBe(rao);
        expect(parseAmount({ rao: json.rao }, 'x', { signed: true })).toBe(rao);
      }),
    );
  });

  it('rejects with a typed error naming the field', () => {
    expect(failure('1.0000000001')).toMatchObject({ code: 'AMOUNT_TOO_PRECISE', field: 'amount' });
    expect(failure({ tao: '0.0000000001' })).toMatchObject({
      code: 'AMOUNT_TOO_PRECISE',
      field: 'amount.tao',
    });
    expect(failure(1.5)).toMatchObject({ code: 'AMOUNT_INVALID', field: 'amount' });
    expect(failure('1e9')).toMatchObject({ code: 'AMOUNT_INVALID', field: 'amount' });
    expect(failure('1.')).toMatchObject({ code: 'AMOUNT_INVALID', field: 'amount' });
    expect(failure(' 1')).toMatchObject({ code: 'AMOUNT_INVALID', field: 'amount' });
    expect(failure(undefined)).toMatchObject({ code: 'AMOUNT_INVALID', field: 'amount' });
    expect(failure({})).toMatchObject({ code: 'AMOUNT_INVALID', field: 'amount' });
    expect(failure({ rao: 5 })).toMatchObject({ code: 'AMOUNT_INVALID', field: 'amount.rao' });
    expect(failure({ rao: '1.5' })).toMatchObject({ code: 'AMOUNT_INVALID', field: 'amount.rao' });
    expect(failure({ rao: '1', Tao: '1' })).toMatchObject({ code: 'AMOUNT_INVALID', field: 'amount.Tao' });
    expect(failure({ rao: '1', tao: '1' })).toMatchObject({ code: 'AMOUNT_MISMATCH', field: 'amount.tao' });
    expect(failure('-1')).toMatchObject({ code: 'AMOUNT_NEGATIVE', field: 'amount' });
    expect(failure({ rao: '-1' })).toMatchObject({ code: 'AMOUNT_NEGATIVE', field: 'amount.rao' });
    expect(failure({ rao: `${U64_MAX + 1n}` })).toMatchObject({
      code: 'AMOUNT_OUT_OF_RANGE',
      field: 'amount.rao',
    });
    expect(failure('9'.repeat(100_000))).toMatchObject({ code: 'AMOUNT_OUT_OF_RANGE', field: 'amount' });
    expect(failure({ rao: '-1' }, 'stake.amount', false).message).toMatch(
      /^stake\.amount\.rao: .*send zero or more$/,
    );
  });

  it('accepts the largest u64 and nothing beyond', () => {
    expect(parseAmount({ rao: `${U64_MAX}` }, 'a')).toBe(U64_MAX);
    expect(parseAmount(amountJson(U64_MAX).tao, 'a')).toBe(U64_MAX);
    expect(failure(amountJson(U64_MAX + 1n).tao)).toMatchObject({ code: 'AMOUNT_OUT_OF_RANGE' });
  });
});

describe('amountParam', () => {
  it('parses to rao and reports a bad amount at its path with code and fix', () => {
    const schema = z.object({ amount: amountParam() });
    expect(schema.parse({ amount: '1.5' })).toEqual({ amount: 1_500_000_000n });
    const result = schema.safeParse({ amount: { rao: '1', tao: '2' } });
    expect(result.success).toBe(false);
    const issue = result.error!.issues[0]!;
    expect(issue.path).toEqual(['amount', 'tao']);
    expect((issue as { params?: unknown }).params).toMatchObject({ code: 'AMOUNT_MISMATCH' });
  });
});
