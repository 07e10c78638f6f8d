/**
 * Kill -9 the local network at seeded random moments while a loader sends signed transfers, restart it
 * on the same folder each time, and check that it recovers exactly: the recovered state's root is the
 * stored root of the head, blocks seen before a kill are unchanged, no acknowledged transaction is lost
 * (each is included or rejected with a receipt), and the supply is conserved. The benchmark
 * (`npm run bench -- node`) runs the same with 100 kills.
 */
import { describe, expect, it } from 'vitest';
import { runLocalnetCrash } from './support/localnetCrashRun.ts';
import { createTempDirs } from './support/tempDirs.ts';

const tempDir = createTempDirs('tm-crash-');

describe('the local network under kill -9', () => {
  it('recovers 20 times with every acknowledged transfer kept and the supply conserved', async () => {
    const report = await runLocalnetCrash({ dataDir: tempDir(), kills: 20, seed: 20_260_704 });
    expect(report.problems).toEqual([]);
    expect(report.kills).toBe(20);
    expect(report.acknowledged).toBeGreaterThan(0);
    expect(report.included + report.rejected).toBe(report.acknowledged);
    // The loader's transfers are all valid and far inside their era: none may be refused.
    expect(report.rejectedCodes).toEqual({});
  });
});
