import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyBlock, type ChainState, stateRoot } from '../../engine/index.ts';
import { decodeState, decodeValue, encodeState, encodeValue } from './stateCodec.ts';
import { randomBlocksArb, storeErrorOf, storeGenesis, TEST_BLOCK_OPTIONS } from './storeChain.testkit.ts';

const roundTrip = (value: unknown): unknown => decodeValue(encodeValue(value, 'value'), 'value');

describe('stateCodec', () => {
  it('gives back states of random blocks exactly: same root, same text', () => {
    let checked = 0;
    let applied = 0;
    fc.assert(
      fc.property(randomBlocksArb(25), (blocks) => {
        let state: ChainState = storeGenesis();
        for (const extrinsics of blocks) {
          const result = applyBlock(state, extrinsics, TEST_BLOCK_OPTIONS);
          state = result.state;
          applied += result.receipts.filter((r) => r.ok).length;
          const text = encodeState(state);
          const back = decodeState(text);
          expect(stateRoot(back)).toBe(stateRoot(state));
          expect(encodeState(back)).toBe(text);
          checked++;
        }
      }),
      { numRuns: 8 },
    );
    expect(checked).toBe(8 * 25);
    expect(applied).toBeGreaterThan(50); // the blocks really changed the state
  });

  it('keeps the add-on data and its Maps as Maps', () => {
    const state = applyBlock(storeGenesis(), [], TEST_BLOCK_OPTIONS).state;
    const back = decodeState(encodeState(state));
    expect(back.balances).toBeInstanceOf(Map);
    expect(back.subnets.get(state.subnets.keys().next().value!)).toStrictEqual(
      state.subnets.get(state.subnets.keys().next().value!),
    );
    expect(back.addOn).toStrictEqual(state.addOn);
  });

  it('round-trips any plain data with bigints, Maps, undefined and special numbers', () => {
    fc.assert(
      fc.property(
        fc.anything({
          withBigInt: true,
          withMap: true,
          withSet: false,
          withDate: false,
          withTypedArray: false,
          withSparseArray: false,
          withNullPrototype: false,
          withBoxedValues: false,
          maxDepth: 4,
        }),
        (value) => {
          const text = encodeValue(value, 'value');
          expect(roundTrip(value)).toStrictEqual(value);
          expect(encodeValue(decodeValue(text, 'value'), 'value')).toBe(text);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('keeps undefined apart from an absent key, and keeps key and Map order', () => {
    const back = roundTrip({
      b: undefined,
      a: 1,
      m: new Map<unknown, unknown>([
        [2n, 'x'],
        ['1', undefined],
      ]),
    });
    expect(Object.keys(back as object)).toEqual(['b', 'a', 'm']);
    expect(Object.hasOwn(back as object, 'b')).toBe(true);
    expect((back as { b: unknown }).b).toBeUndefined();
    expect([...(back as { m: Map<unknown, unknown> }).m.entries()]).toEqual([
      [2n, 'x'],
      ['1', undefined],
    ]);
    expect(Object.hasOwn(roundTrip({ a: 1 }) as object, 'b')).toBe(false);
    expect(roundTrip([undefined, null])).toStrictEqual([undefined, null]);
  });

  it('keeps -0, NaN and infinities, and objects that look like its tags', () => {
    expect(Object.is(roundTrip(-0), -0)).toBe(true);
    expect(roundTrip([Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY])).toStrictEqual([
      Number.NaN,
      Number.POSITIVE_INFINITY,
      Number.NEGATIVE_INFINITY,
    ]);
    for (const lookalike of [{ $n: '5' }, { $m: [] }, { $u: 0 }, { $f: 'NaN' }, { $o: { $n: '1' } }]) {
      expect(roundTrip(lookalike)).toStrictEqual(lookalike);
    }
    const proto = JSON.parse('{"__proto__": {"polluted": 1}}') as object;
    const back = roundTrip(proto) as object;
    expect(Object.getPrototypeOf(back)).toBe(Object.prototype);
    expect(Object.keys(back)).toEqual(['__proto__']);
  });

  it('refuses values it cannot store, naming where they are', () => {
    const fn = storeErrorOf(() => encodeValue({ a: [1, { f: () => 1 }] }, 'state'));
    expect(fn.code).toBe('UNENCODABLE_VALUE');
    expect(fn.field).toBe('state.a[1].f');
    const set = storeErrorOf(() => encodeValue({ s: new Set([1]) }, 'state'));
    expect(set.code).toBe('UNENCODABLE_VALUE');
    expect(set.message).toContain('Set');
    expect(storeErrorOf(() => encodeValue(Symbol('x'), 'event')).field).toBe('event');
  });

  it('refuses damaged text with CORRUPT_VALUE naming the field', () => {
    for (const text of ['{', '{"$n":"1.5"}', '{"$m":[[1]]}', '{"$f":"7"}', '{"$o":[1]}']) {
      const error = storeErrorOf(() => decodeValue(text, 'receipt'));
      expect(error.code).toBe('CORRUPT_VALUE');
      expect(error.field.startsWith('receipt')).toBe(true);
    }
  });
});
