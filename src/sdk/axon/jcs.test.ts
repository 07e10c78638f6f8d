import { describe, expect, it } from 'vitest';
import { InputError } from '../../engine/errors.ts';
import { canonicalBody } from './canonicalBody.ts';
import { jcs } from './jcs.ts';

/** The IEEE 754 double with these 64 bits, as RFC 8785's appendix B lists its inputs. */
const double = (hex: string) => new DataView(new Uint8Array(Buffer.from(hex, 'hex')).buffer).getFloat64(0);

function refusal(value: unknown): string {
  try {
    jcs(value);
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return (e as InputError).message;
  }
  return 'accepted';
}

describe('RFC 8785 canonical JSON', () => {
  it("writes the RFC's worked example (section 3.2.2) as the RFC does", () => {
    const input = JSON.parse(
      '{"numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],' +
        ' "string": "\\u20ac$\\u000F\\u000aA\'\\u0042\\u0022\\u005c\\\\\\"\\/", "literals": [null, true, false]}',
    );
    expect(jcs(input)).toBe(
      '{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],' +
        '"string":"€$\\u000f\\nA\'B\\"\\\\\\\\\\"/"}',
    );
  });

  it("sorts members by UTF-16 code units, as the RFC's sorting example (section 3.2.3)", () => {
    const input = JSON.parse(
      '{"\\u20ac": 1, "\\r": 2, "\\ufb33": 3, "1": 4, "\\ud83d\\ude00": 5, "\\u0080": 6, "\\u00f6": 7}',
    );
    // Read the order from the text: parsing it again would put the integer-like key "1" first.
    const order = [...jcs(input).matchAll(/"((?:[^"\\]|\\.)*)":/g)].map((m) => JSON.parse(`"${m[1]}"`));
    expect(order).toEqual(['\r', '1', '\u0080', '\u00f6', '\u20ac', '\ud83d\ude00', '\ufb33']);
  });

  it("writes numbers as the RFC's appendix B lists them", () => {
    const vectors: [string, string][] = [
      ['0000000000000000', '0'],
      ['8000000000000000', '0'],
      ['0000000000000001', '5e-324'],
      ['8000000000000001', '-5e-324'],
      ['7fefffffffffffff', '1.7976931348623157e+308'],
      ['4340000000000000', '9007199254740992'],
      ['c340000000000000', '-9007199254740992'],
      ['4430000000000000', '295147905179352830000'],
      ['44b52d02c7e14af6', '1e+23'],
      ['444b1ae4d6e2ef50', '1e+21'],
      ['3eb0c6f7a0b5ed8d', '0.000001'],
      ['41b3de4355555555', '333333333.3333333'],
    ];
    for (const [bits, text] of vectors) expect({ bits, text: jcs(double(bits)) }).toEqual({ bits, text });
  });

  it('gives one text whatever the key order and whitespace of the source', () => {
    const a = JSON.parse('{ "b": [1, {"y": 2, "x": 1}], "a": "é" }');
    const b = JSON.parse('{"a":"\\u00e9","b":[1.0,{"x":1e0,"y":2}]}');
    expect(jcs(a)).toBe(jcs(b));
    expect(canonicalBody(a).hash).toBe(canonicalBody(b).hash);
  });

  it('leaves out members whose value is undefined, as JSON.stringify does', () => {
    expect(jcs({ a: 1, b: undefined })).toBe(JSON.stringify({ a: 1 }));
  });

  it('refuses what has no canonical text, naming the field', () => {
    expect(refusal({ x: [1, Number.NaN] })).toBe(
      'body.x[1]: NaN is not a JSON number; send a finite number or a string',
    );
    expect(refusal({ big: 10n })).toMatch(/^body\.big: 10n is a bigint/);
    expect(refusal({ s: 'a\ud800' })).toMatch(/^body\.s: contains an unpaired UTF-16 surrogate/);
    expect(refusal({ when: new Date(0) })).toMatch(/^body\.when: a Date has no JSON form/);
    expect(refusal([undefined])).toMatch(/^body\[0\]: a undefined has no JSON form/);
  });
});
