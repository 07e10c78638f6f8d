import { describe, expect, it } from 'vitest';
import { createGarbageCheck } from './threadGarbage.ts';

describe('createGarbageCheck', () => {
  it('collects once the held memory grows by the slack past its lowest since the last collection', () => {
    const readings = [100, 90, 95, 99, 101, 60, 55, 64, 66, 50];
    let at = 0;
    let collections = 0;
    const check = createGarbageCheck({
      held: () => readings[at]!,
      collect: () => {
        collections += 1;
        at += 1; // the reading after the collection
      },
      slackBytes: 10,
    });
    const seen: number[] = [];
    while (at < readings.length - 1) {
      check();
      seen.push(collections);
      at += 1;
    }
    // 100 sets the level, 90 lowers it, 95 and 99 stay within 10 of it, 101 collects (then 60 is
    // read), 55 lowers the level, 64 stays within 10, 66 collects (then 50 is read).
    expect(seen).toEqual([0, 0, 0, 0, 1, 1, 1, 2]);
  });

  it('does nothing without a way to collect', () => {
    let reads = 0;
    const check = createGarbageCheck({ collect: undefined, held: () => ++reads });
    check();
    expect(reads).toBe(0);
  });

  it('collects this thread for real by default without throwing', () => {
    const check = createGarbageCheck({ slackBytes: 0 });
    let junk: Float64Array[] | null = Array.from({ length: 200 }, () => new Float64Array(1000));
    check();
    junk = null;
    expect(junk).toBeNull();
    expect(() => check()).not.toThrow();
  });
});
