import { describe, expect, it } from 'vitest';
import { readSharedScenario, shareScenario } from './sharedScenario.ts';

describe('shareScenario', () => {
  it('serializes an object once and reads back an equal copy', () => {
    const scenario = { name: 'x', runs: 3, model: { subnets: [1, 2.5, -0], note: undefined } };
    const shared = shareScenario(scenario);
    expect(shareScenario(scenario)).toBe(shared);
    expect(shared.bytes).toBeInstanceOf(SharedArrayBuffer);
    const copy = readSharedScenario(shared) as typeof scenario;
    expect(copy).not.toBe(scenario);
    expect(copy).toEqual(scenario);
    expect(Object.is(copy.model.subnets[2], -0)).toBe(true);
    expect('note' in copy.model).toBe(true);
  });

  it('gives another object its own id, and reads each id once while it is kept', () => {
    const a = shareScenario({ name: 'a' });
    const b = shareScenario({ name: 'a' });
    expect(b.id).not.toBe(a.id);
    const first = readSharedScenario(a);
    expect(readSharedScenario(a)).toBe(first);
    expect(readSharedScenario(b)).toEqual(first);
  });

  it('keeps the most recently read scenarios and reads an evicted one again', () => {
    const shared = Array.from({ length: 6 }, (_, i) => shareScenario({ name: `s${i}` }));
    const firstRead = readSharedScenario(shared[0]!);
    for (const s of shared.slice(1)) readSharedScenario(s);
    const again = readSharedScenario(shared[0]!);
    expect(again).not.toBe(firstRead);
    expect(again).toEqual({ name: 's0' });
    expect(readSharedScenario(shared[5]!)).toBe(readSharedScenario(shared[5]!));
  });
});
