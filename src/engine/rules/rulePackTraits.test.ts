/** The rule-pack table: names, traits and dated variants (rulepacks.md §0, §7). */
import { describe, expect, it } from 'vitest';
import { TensormarketError } from '../errors.ts';
import { KERNEL_RULE_PACKS } from '../kernel/types.ts';
import { DEFAULT_RULE_SETTINGS, RULE_VARIANTS, ruleVariantOn, variantSettings } from './rulePack.ts';
import {
  DEFAULT_RULE_PACK,
  keepsBoughtAlpha,
  RULE_PACK_TRAITS,
  RULE_PACKS,
  rulePackTraits,
  tracksFlowEma,
} from './rulePackTraits.ts';

describe('rule pack table', () => {
  it('lists every pack oldest first, once, and the kernel reads the same list', () => {
    expect(RULE_PACKS).toEqual([
      'dtao-2025-02',
      'taoflow-2025-11',
      'netflow-2026-05',
      'price-2026-06',
      'gate-2026-07',
    ]);
    expect(Object.keys(RULE_PACK_TRAITS)).toEqual(RULE_PACKS);
    expect(KERNEL_RULE_PACKS).toBe(RULE_PACKS);
    expect(RULE_PACKS).toContain(DEFAULT_RULE_PACK);
    expect(Object.isFrozen(RULE_PACKS)).toBe(true);
  });

  it('gives each pack the traits of spec §0', () => {
    expect(rulePackTraits('dtao-2025-02')).toMatchObject({
      eligible: 'started',
      shares: 'dtao',
      terms: 'dtao',
      boughtAlpha: 'recycle',
      chainBuysInIssuance: false,
      rootAlpha: 'sell-for-root-tao',
      flowEma: 'none',
    });
    expect(rulePackTraits('taoflow-2025-11')).toMatchObject({
      shares: 'flow',
      terms: 'flow',
      flowEma: 'user',
    });
    expect(rulePackTraits('netflow-2026-05')).toMatchObject({
      shares: 'net-flow',
      boughtAlpha: 'setting',
      flowEma: 'user-and-protocol',
      burnsAreUserFlow: true,
    });
    for (const p of ['price-2026-06', 'gate-2026-07'] as const) {
      expect(rulePackTraits(p)).toMatchObject({
        terms: 'root-proportion',
        injection: 'balancer',
        boughtAlpha: 'keep',
        rootAlpha: 'claim-or-recycle',
      });
    }
    expect(RULE_PACKS.filter(tracksFlowEma)).toEqual(['taoflow-2025-11', 'netflow-2026-05']);
    expect(RULE_PACKS.filter((p) => rulePackTraits(p).burnsAreUserFlow)).toEqual(['netflow-2026-05']);
  });

  it('keeps bought alpha by rule, or by the setting', () => {
    expect(keepsBoughtAlpha('keep', false)).toBe(true);
    expect(keepsBoughtAlpha('recycle', true)).toBe(false);
    expect(keepsBoughtAlpha('setting', false)).toBe(false);
    expect(keepsBoughtAlpha('setting', true)).toBe(true);
    expect(DEFAULT_RULE_SETTINGS.keepBoughtAlpha).toBe(true);
  });
});

describe('dated variants', () => {
  it('are rows of one table, dated and in order within each pack', () => {
    for (const pack of RULE_PACKS) {
      const dates = RULE_VARIANTS.filter((v) => v.pack === pack).map((v) => v.from);
      expect(dates).toEqual([...dates].sort());
    }
    for (const v of RULE_VARIANTS) expect(v.from).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('give the settings of each variant the vectors name', () => {
    expect(variantSettings('dtao-2025-02', undefined)).toEqual({});
    expect(variantSettings('dtao-2025-02', 'launch')).toEqual({ dtaoTerms: 'launch' });
    expect(variantSettings('dtao-2025-02', 'subsidy')).toEqual({ dtaoTerms: 'subsidy' });
    const seeded = { flowCap: 'alpha-emission', flowSeedFromPrice: true, keepBoughtAlpha: false };
    expect(variantSettings('taoflow-2025-11', '2025-11-04')).toEqual(seeded);
    expect(variantSettings('taoflow-2025-11', '2025-11-10')).toEqual(seeded);
    expect(variantSettings('taoflow-2025-11', '2025-12-12')).toEqual({
      flowCap: 'min-block-emission',
      keepBoughtAlpha: false,
    });
    expect(variantSettings('netflow-2026-05', '2026-05-27')).toEqual({ keepBoughtAlpha: false });
    expect(variantSettings('netflow-2026-05', '2026-06-01')).toEqual({ keepBoughtAlpha: true });
  });

  it('reject a variant the pack does not have', () => {
    for (const [pack, variant] of [
      ['dtao-2025-02', '2025-11-04'],
      ['taoflow-2025-11', 'launch'],
      ['price-2026-06', 'subsidy'],
    ] as const) {
      expect(() => variantSettings(pack, variant)).toThrow(TensormarketError);
      try {
        variantSettings(pack, variant);
      } catch (e) {
        expect((e as TensormarketError).code).toBe('UNKNOWN_RULE_VARIANT');
        expect((e as Error).message).toBe(`variant: ${pack} has no variant ${JSON.stringify(variant)}`);
      }
    }
  });

  it('switch on their dates', () => {
    expect(ruleVariantOn('dtao-2025-02', '2025-02-12')).toBeUndefined();
    expect(ruleVariantOn('dtao-2025-02', '2025-02-13')?.variant).toBe('launch');
    expect(ruleVariantOn('dtao-2025-02', '2025-07-28')?.variant).toBe('launch');
    expect(ruleVariantOn('dtao-2025-02', '2025-07-29')?.variant).toBe('subsidy');
    expect(ruleVariantOn('taoflow-2025-11', '2025-11-30')?.variant).toBe('2025-11-10');
    expect(ruleVariantOn('taoflow-2025-11', '2026-01-01')?.variant).toBe('2025-12-12');
    expect(ruleVariantOn('netflow-2026-05', '2026-06-01')?.variant).toBe('2026-06-01');
    expect(ruleVariantOn('price-2026-06', '2026-07-01')).toBeUndefined();
  });
});
