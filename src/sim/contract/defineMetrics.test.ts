import { describe, expect, it } from 'vitest';
import { defineMetrics } from './defineMetrics.ts';
import { runPhases } from './runPhases.ts';

const KEYS = ['b', 'a'] as const;
type Key = (typeof KEYS)[number];
const info = { label: 'L', unit: 'count', description: 'D.' } as const;

describe('defineMetrics', () => {
  it('lists infos and writes values in the key list order, booleans as 0/1', () => {
    const metrics = defineMetrics<Key, { x: number }>(KEYS, {
      a: { info, compute: (c) => c.x },
      b: { info, compute: (c) => c.x * 2 },
    });
    expect(metrics.infos.map((m) => m.key)).toEqual(['b', 'a']);
    expect(Object.keys(metrics.infos[0]!)).toEqual(['key', 'label', 'unit', 'description']);
    const out = new Float64Array(3);
    metrics.write({ x: 1.5 }, out, 1);
    expect(Array.from(out)).toEqual([0, 3, 1.5]);
    const events = defineMetrics<Key, { on: boolean }, boolean>(KEYS, {
      a: { info, compute: (c) => c.on },
      b: { info, compute: (c) => !c.on },
    });
    const flags = new Uint8Array(2);
    events.write({ on: true }, flags);
    expect(Array.from(flags)).toEqual([0, 1]);
  });

  it('rejects a misspelt or missing key at compile time', () => {
    defineMetrics<Key, object>(KEYS, {
      a: { info, compute: () => 0 },
      b: { info, compute: () => 0 },
      // @ts-expect-error: 'c' is not a declared key
      c: { info, compute: () => 0 },
    });
    // @ts-expect-error: 'b' is missing (and at run time it has no entry to read)
    expect(() => defineMetrics<Key, object>(KEYS, { a: { info, compute: () => 0 } })).toThrow();
  });
});

describe('runPhases', () => {
  it('runs the phases in their order', () => {
    const seen: string[] = [];
    runPhases(
      [
        { name: 'one', run: (c: string[]) => c.push('one') },
        { name: 'two', run: (c: string[]) => c.push('two') },
      ],
      seen,
    );
    expect(seen).toEqual(['one', 'two']);
  });
});
