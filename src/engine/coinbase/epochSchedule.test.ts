import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  deferredEpochs,
  initialLastEpochBlock,
  MAX_TEMPO,
  type ScheduleInput,
  scheduleEpochs,
  shouldRunEpoch,
} from './epochSchedule.ts';

const idle = { tempo: 360, pendingEpochAt: 0, blocksSinceLastStep: 0, lastEpochBlock: 0, epochIndex: 0 };

describe('epoch schedule', () => {
  it('is due after tempo blocks, at a pending block, or past MAX_TEMPO; never with tempo 0', () => {
    expect(shouldRunEpoch(idle, 359)).toBe(false);
    expect(shouldRunEpoch(idle, 360)).toBe(true);
    expect(shouldRunEpoch({ ...idle, pendingEpochAt: 10 }, 10)).toBe(true);
    expect(shouldRunEpoch({ ...idle, blocksSinceLastStep: MAX_TEMPO + 1 }, 1)).toBe(true);
    expect(shouldRunEpoch({ ...idle, tempo: 0 }, 10_000)).toBe(false);
  });

  it('staggers LastEpochBlock by netuid mod tempo', () => {
    expect(initialLastEpochBlock({ block: 1000, netuid: 7, tempo: 360 })).toBe(993);
    expect(initialLastEpochBlock({ block: 3, netuid: 7, tempo: 360 })).toBe(0);
    expect(initialLastEpochBlock({ block: 1000, netuid: 7, tempo: 0 })).toBe(1000);
  });

  it('defers due subnets beyond the cap to the next block (34 due, cap 32 -> 2 deferred)', () => {
    const subnets: ScheduleInput[] = Array.from({ length: 34 }, () => ({ ...idle, consistent: true }));
    const d = scheduleEpochs({ block: 360, maxEpochsPerBlock: 32, subnets });
    expect(d.filter((x) => x.outcome === 'run')).toHaveLength(32);
    const deferred = d.filter((x) => x.outcome === 'deferred');
    expect(deferred.map((x) => x.next.pendingEpochAt)).toEqual([361, 361]);
    expect(deferredEpochs({ block: 360, maxEpochsPerBlock: 32, subnets })).toEqual([32, 33]);
    const next = scheduleEpochs({
      block: 361,
      maxEpochsPerBlock: 32,
      subnets: d.map((x) => ({ ...x.next, consistent: true })),
    });
    expect(next.filter((x) => x.outcome === 'run')).toHaveLength(2);
  });

  it('an inconsistent subnet consumes its slot but not the cap and keeps counting blocks', () => {
    const d = scheduleEpochs({
      block: 360,
      maxEpochsPerBlock: 1,
      subnets: [
        { ...idle, blocksSinceLastStep: 5, consistent: false },
        { ...idle, consistent: true },
      ],
    });
    expect(d.map((x) => x.outcome)).toEqual(['skipped', 'run']);
    expect(d[0]?.next).toEqual({ ...idle, blocksSinceLastStep: 6, lastEpochBlock: 360, epochIndex: 1 });
    expect(d[1]?.next).toEqual({ ...idle, lastEpochBlock: 360, epochIndex: 1 });
  });

  it('runs at most the cap and every due subnet either runs, skips or is deferred', () => {
    const row = fc.record({
      tempo: fc.integer({ min: 0, max: 20 }),
      pendingEpochAt: fc.integer({ min: 0, max: 30 }),
      blocksSinceLastStep: fc.integer({ min: 0, max: 30 }),
      lastEpochBlock: fc.integer({ min: 0, max: 30 }),
      epochIndex: fc.constant(0),
      consistent: fc.boolean(),
    });
    fc.assert(
      fc.property(
        fc.array(row, { maxLength: 20 }),
        fc.integer({ min: 0, max: 30 }),
        fc.integer({ min: 0, max: 5 }),
        (subnets, block, cap) => {
          const d = scheduleEpochs({ block, maxEpochsPerBlock: cap, subnets });
          expect(d.filter((x) => x.outcome === 'run').length).toBeLessThanOrEqual(cap);
          d.forEach((x, i) => {
            const s = subnets[i];
            if (s === undefined) return;
            const due = shouldRunEpoch({ ...s, blocksSinceLastStep: s.blocksSinceLastStep + 1 }, block);
            expect(x.outcome !== 'idle').toBe(due);
          });
        },
      ),
    );
  });
});
