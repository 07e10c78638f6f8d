import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../runner/manifest.ts';
import { QueueError } from './queueError.ts';
import { experimentHash, localModelRef, parseRunJobData, portableModelRef, runJobId } from './runJob.ts';

const inside = {
  module: join(PROJECT_ROOT, 'src', 'sim', 'model', 'index.ts'),
  exportName: 'bittensorModel',
};
const scenario = { name: 's', runs: 4, seed: 1, horizonDays: 14, model: { drift: 0.1 } };

describe('run jobs', () => {
  it('names a model inside the project relative to its root, and resolves it back', () => {
    const portable = portableModelRef(inside);
    expect(portable).toEqual({ module: 'src/sim/model/index.ts', exportName: 'bittensorModel' });
    expect(localModelRef(portable)).toEqual(inside);
    const outside = { module: '/elsewhere/model.ts', exportName: 'm' };
    expect(portableModelRef(outside)).toEqual(outside);
    expect(localModelRef(outside)).toEqual(outside);
  });

  it('hashes equal experiments equally and tells apart the scenario, the seed and the model', () => {
    const model = portableModelRef(inside);
    const base = experimentHash({ scenario, seed: 1, model });
    expect(base).toMatch(/^[0-9a-f]{64}$/);
    // Key order does not matter: the scenario is hashed in canonical form.
    const reordered = { model: { drift: 0.1 }, seed: 1, horizonDays: 14, runs: 4, name: 's' };
    expect(experimentHash({ scenario: reordered, seed: 1, model })).toBe(base);
    const others = [
      experimentHash({ scenario: { ...scenario, model: { drift: 0.2 } }, seed: 1, model }),
      experimentHash({ scenario, seed: 2, model }),
      experimentHash({ scenario, seed: 1, model: { ...model, exportName: 'other' } }),
    ];
    expect(new Set([base, ...others]).size).toBe(4);
  });

  it('makes job ids BullMQ accepts: not an integer, no colon', () => {
    const id = runJobId('ab'.repeat(32), 7);
    expect(id).toBe(`${'ab'.repeat(32)}-7`);
    expect(id).not.toContain(':');
    expect(`${Number.parseInt(id, 10)}`).not.toBe(id);
  });

  it('checks job data and names the job when it is not a run of this version', () => {
    const experiment = experimentHash({ scenario, seed: 1, model: portableModelRef(inside) });
    const data = { experiment, seed: 1, runIndex: 3, model: portableModelRef(inside) };
    expect(parseRunJobData(data, 'redis://h:1', 'x-3')).toEqual(data);
    let error: unknown;
    try {
      parseRunJobData({ ...data, runIndex: -1 }, 'redis://h:1', 'x-3');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(QueueError);
    expect((error as QueueError).code).toBe('QUEUE_JOB_INVALID');
    expect((error as Error).message).toContain('job x-3');
    expect(() => parseRunJobData({ ...data, experiment: 'x' }, 'redis://h:1', 'x-3')).toThrow(QueueError);
    // The scenario travels apart from the jobs, once per experiment.
    expect(() => parseRunJobData({ scenario, seed: 1, runIndex: 3, model: data.model }, 'u', 'j')).toThrow(
      /not a run of this version/,
    );
  });
});
