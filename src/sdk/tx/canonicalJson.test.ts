import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonicalJson.ts';
import { TransactionError } from './transactionError.ts';

function refusal(value: unknown): { code: string; field: string; message: string } {
  try {
    canonicalJson(value, 'args');
  } catch (e) {
    expect(e).toBeInstanceOf(TransactionError);
    const { code, field, message } = e as TransactionError;
    return { code, field, message };
  }
  return { code: 'accepted', field: '', message: '' };
}

describe('canonical JSON of signed data', () => {
  it('sorts keys byte-wise at every level, with no whitespace and JSON.stringify escapes', () => {
    const value = { b: ['é', 'a"b\n\u0001'], A: -5, a: { z: null, y: [true, false] } };
    expect(canonicalJson(value, 'args')).toBe(
      '{"A":-5,"a":{"y":[true,false],"z":null},"b":["é","a\\"b\\n\\u0001"]}',
    );
  });

  it('gives equal text for equal values whatever the key order', () => {
    expect(canonicalJson({ x: 1, y: { p: 2, q: 3 } }, '')).toBe(
      canonicalJson({ y: { q: 3, p: 2 }, x: 1 }, ''),
    );
  });

  it('keeps integers up to 2^53 − 1 as numbers and amounts as strings', () => {
    expect(canonicalJson({ uid: 9007199254740991, amount: '18446744073709551615' }, '')).toBe(
      '{"amount":"18446744073709551615","uid":9007199254740991}',
    );
  });

  it('refuses what has no single text form, naming the field', () => {
    expect(refusal({ amount: 1.5 })).toMatchObject({ code: 'MALFORMED', field: 'args.amount' });
    expect(refusal({ amount: 2 ** 53 })).toMatchObject({ field: 'args.amount' });
    expect(refusal({ amount: 10n }).message).toBe(
      'args.amount: 10n is a bigint; write it as the decimal string "10"',
    );
    expect(refusal({ list: [1, Number.NaN] })).toMatchObject({ field: 'args.list[1]' });
    expect(refusal({ note: undefined })).toMatchObject({ field: 'args.note' });
    expect(refusal({ text: 'a\uD800b' })).toMatchObject({ field: 'args.text' });
    expect(refusal({ clé: 1 })).toMatchObject({ field: 'args.clé' });
    expect(refusal({ 'a"b': 1 })).toMatchObject({ field: 'args.a"b' });
    expect(refusal({ key: new Uint8Array(2) })).toMatchObject({ field: 'args.key' });
    expect(refusal({ ok: 'paired \uD83D\uDE00 surrogates are fine' }).code).toBe('accepted');
  });
});
