import { describe, expect, it } from 'vitest';
import { runId } from './runId.ts';

describe('runId', () => {
  const at = new Date('2026-12-07T03:51:19.500Z');
  it('names the scenario and the UTC start time', () => {
    expect(runId('default', at, () => false)).toBe('default-20261207-035119');
  });
  it('counts up past the ids taken', () => {
    const taken = new Set(['default-20261207-035119', 'default-20261207-035119-2']);
    expect(runId('default', at, (id) => taken.has(id))).toBe('default-20261207-035119-3');
  });
});
