import { describe, expect, it } from 'vitest';
import { InputError } from '../../engine/errors.ts';
import { RULE_PACK_TRAITS } from '../../engine/rules/rulePack.ts';
import { DEFAULT_CHAIN_PARAMS } from '../../engine/state/defaults.ts';
import { addDays, checkTimelineDate, type RuleChange, rulesOn, ruleTimelineSchema } from './ruleTimeline.ts';

const DTAO: readonly RuleChange[] = [{ from: '2025-02-13', pack: 'dtao-2025-02' }];

/** The issues of a timeline the schema refuses, as path and message. */
const issuesOf = (input: unknown): { path: PropertyKey[]; message: string }[] => {
  const parsed = ruleTimelineSchema.safeParse(input);
  expect(parsed.success).toBe(false);
  return parsed.success ? [] : parsed.error.issues.map((i) => ({ path: i.path, message: i.message }));
};

describe('rulesOn', () => {
  it('follows the dtao pack’s own variants: launch up to 2025-07-28, subsidy from 2025-07-29', () => {
    expect(rulesOn(DTAO, '2025-02-13')).toEqual({
      pack: 'dtao-2025-02',
      variant: 'launch',
      params: {},
      entry: 0,
    });
    expect(rulesOn(DTAO, '2025-07-28')?.variant).toBe('launch');
    expect(rulesOn(DTAO, '2025-07-29')?.variant).toBe('subsidy');
    expect(rulesOn(DTAO, '2026-01-01')?.variant).toBe('subsidy');
  });

  it('is null before the first entry', () => {
    expect(rulesOn(DTAO, '2025-02-12')).toBeNull();
    expect(rulesOn([], '2025-02-13')).toBeNull();
  });

  it('holds a pinned variant until the next entry, whatever the pack’s dates say', () => {
    const pinned: RuleChange[] = [
      { from: '2025-02-13', pack: 'dtao-2025-02', variant: 'launch' },
      { from: '2025-09-01', pack: 'dtao-2025-02' },
    ];
    expect(rulesOn(pinned, '2025-07-29')).toMatchObject({ variant: 'launch', entry: 0 });
    expect(rulesOn(pinned, '2025-08-31')).toMatchObject({ variant: 'launch', entry: 0 });
    // The next entry names no variant: the pack's own dated variant is in force again.
    expect(rulesOn(pinned, '2025-09-01')).toMatchObject({ variant: 'subsidy', entry: 1 });
  });

  it('carries parameters forward; a later entry overrides only the keys it names', () => {
    const timeline: RuleChange[] = [
      { from: '2025-02-13', pack: 'dtao-2025-02', params: { networkRateLimit: 7_200, subnetLimit: 64 } },
      { from: '2025-06-01', pack: 'dtao-2025-02' },
      { from: '2025-09-01', pack: 'dtao-2025-02', params: { subnetLimit: 96 } },
    ];
    expect(rulesOn(timeline, '2025-03-01')?.params).toEqual({ networkRateLimit: 7_200, subnetLimit: 64 });
    expect(rulesOn(timeline, '2025-06-01')?.params).toEqual({ networkRateLimit: 7_200, subnetLimit: 64 });
    expect(rulesOn(timeline, '2025-09-01')?.params).toEqual({ networkRateLimit: 7_200, subnetLimit: 96 });
    expect(rulesOn(timeline, '2025-09-01')?.entry).toBe(2);
  });

  it('leaves the variant undefined for a pack without variants', () => {
    const timeline: RuleChange[] = [{ from: '2026-06-01', pack: 'price-2026-06' }];
    expect(RULE_PACK_TRAITS['price-2026-06'].variants).toHaveLength(0);
    expect(rulesOn(timeline, '2026-07-01')).toEqual({
      pack: 'price-2026-06',
      variant: undefined,
      params: {},
      entry: 0,
    });
  });
});

describe('ruleTimelineSchema', () => {
  it('accepts a dated timeline with variants and parameters', () => {
    const timeline = [
      { from: '2025-02-13', pack: 'dtao-2025-02', variant: 'launch', params: { networkRateLimit: 0 } },
      { from: '2025-11-04', pack: 'taoflow-2025-11', params: { subnetLimit: 128, taoWeight: 0.18 } },
    ];
    expect(ruleTimelineSchema.parse(timeline)).toEqual(timeline);
  });

  it('refuses an entry whose date does not follow the one before, at [k, "from"]', () => {
    const issues = issuesOf([
      { from: '2025-02-13', pack: 'dtao-2025-02' },
      { from: '2025-09-01', pack: 'dtao-2025-02' },
      { from: '2025-09-01', pack: 'taoflow-2025-11' },
      { from: '2025-08-01', pack: 'taoflow-2025-11' },
    ]);
    expect(issues.map((i) => i.path)).toEqual([
      [2, 'from'],
      [3, 'from'],
    ]);
    expect(issues[0]!.message).toContain('after 2025-09-01');
    expect(issues[1]!.message).toContain('got 2025-08-01');
  });

  it('refuses an unknown variant and names the valid ones', () => {
    const issues = issuesOf([{ from: '2025-02-13', pack: 'dtao-2025-02', variant: 'subsidised' }]);
    expect(issues).toHaveLength(1);
    expect(issues[0]!.path).toEqual([0, 'variant']);
    expect(issues[0]!.message).toContain('"subsidised"');
    expect(issues[0]!.message).toContain('valid: launch, subsidy');
  });

  it('tells to omit the variant for a pack without variants', () => {
    const issues = issuesOf([{ from: '2026-06-01', pack: 'price-2026-06', variant: 'launch' }]);
    expect(issues[0]!.message).toContain('none (omit variant)');
  });

  it('refuses an unknown parameter key', () => {
    const issues = issuesOf([{ from: '2025-02-13', pack: 'dtao-2025-02', params: { rateLimit: 1 } }]);
    expect(issues).toHaveLength(1);
    expect(issues[0]!.path).toEqual([0, 'params']);
    expect(issues[0]!.message).toContain('rateLimit');
  });

  it('refuses a subnet limit outside 1..the model’s slots', () => {
    for (const subnetLimit of [0, DEFAULT_CHAIN_PARAMS.subnetLimit + 1, 64.5]) {
      const issues = issuesOf([{ from: '2025-02-13', pack: 'dtao-2025-02', params: { subnetLimit } }]);
      expect(issues.map((i) => i.path)).toEqual([[0, 'params', 'subnetLimit']]);
    }
  });

  it('refuses an empty timeline, an unknown pack and a date that is not a calendar date', () => {
    expect(issuesOf([])[0]!.path).toEqual([]);
    expect(issuesOf([{ from: '2025-02-13', pack: 'dtao' }])[0]!.path).toEqual([0, 'pack']);
    expect(issuesOf([{ from: '2025-02-30', pack: 'dtao-2025-02' }])[0]!.path).toEqual([0, 'from']);
  });
});

describe('addDays', () => {
  it('adds whole UTC days across months, years and a leap day', () => {
    expect(addDays('2025-02-20', 10)).toBe('2025-03-02');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addDays('2025-07-27', 0)).toBe('2025-07-27');
    expect(addDays('2025-03-01', -1)).toBe('2025-02-28');
  });
});

describe('checkTimelineDate', () => {
  it('throws an InputError on startDate when a timeline has no date to read against', () => {
    let thrown: unknown;
    try {
      checkTimelineDate(DTAO, undefined);
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(InputError);
    expect((thrown as InputError).field).toBe('startDate');
    expect((thrown as InputError).code).toBe('INVALID_INPUT');
    expect((thrown as InputError).message).toMatch(/^startDate: .*set startDate: YYYY-MM-DD/);
  });

  it('passes with a start date, or without a timeline', () => {
    expect(() => checkTimelineDate(DTAO, '2025-07-27')).not.toThrow();
    expect(() => checkTimelineDate(undefined, undefined)).not.toThrow();
  });
});
