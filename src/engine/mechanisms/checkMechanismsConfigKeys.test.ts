import { describe, expect, it } from 'vitest';
import { InputError } from '../errors.ts';
import { RENAMED_MECHANISM_PARAMS } from './checkMechanismsConfigKeys.ts';
import { MECHANISM_DEFAULTS, type MechanismsConfig } from './config.ts';
import { mechanismsGenesis } from './mechanismsGenesis.ts';

const thrown = (config: unknown): InputError => {
  try {
    mechanismsGenesis(config as MechanismsConfig);
  } catch (e) {
    if (e instanceof InputError) return e;
    throw e;
  }
  throw new Error('expected an InputError');
};

describe('mechanismsGenesis: config keys', () => {
  it('names the new key for every former one', () => {
    const defaults: Readonly<Record<string, object>> = MECHANISM_DEFAULTS;
    for (const [section, renames] of Object.entries(RENAMED_MECHANISM_PARAMS)) {
      for (const [old, now] of Object.entries(renames)) {
        expect(Object.keys(defaults[section] ?? {})).toContain(now);
        expect(Object.keys(defaults[section] ?? {})).not.toContain(old);
        const e = thrown({ [section]: { [old]: 1 } });
        expect(e.field).toBe(`mechanisms.${section}.${old}`);
        expect(e.message).toBe(`mechanisms.${section}.${old}: renamed to "${now}"`);
      }
    }
  });

  it('rejects unknown parameters and mechanisms, and takes the known ones', () => {
    expect(thrown({ credits: { deadline: 3 } }).message).toBe(
      'mechanisms.credits.deadline: unknown parameter; expected one of serveDeadlineBlocks, tolerance',
    );
    expect(thrown({ usage: {} }).field).toBe('mechanisms.usage');
    const g = mechanismsGenesis({ usageEmission: { lambda: 300_000n, halfLife: 10 }, vesting: {} });
    expect(g.data).toMatchObject({ params: { usageEmission: { lambda: 300_000n, halfLife: 10 } } });
  });
});
