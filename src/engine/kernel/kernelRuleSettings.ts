/**
 * The rule settings a run follows: the runtime defaults (each pack's last form) overlaid with the
 * settings of the dated variant `params.ruleVariant` of its pack (rulepacks.md §2.1, §3.1, §4.1). The
 * variant table lives in `../rules/rulePackTraits.ts`; this is the kernel's only reader of it.
 */
import { DEFAULT_RULE_SETTINGS, type RuleSettings, variantSettings } from '../rules/rulePack.ts';
import { rulePackOf } from './packSharesF64.ts';
import type { KernelParams } from './types.ts';

/** Settings per params object: a step reads them every span and must not allocate in steady state. */
const cache = new WeakMap<KernelParams, RuleSettings>();

/**
 * The settings in force for `params`; throws the `UNKNOWN_RULE_VARIANT` error when its pack has no
 * variant named `params.ruleVariant`.
 * @example kernelRuleSettings({ ...DEFAULT_KERNEL_PARAMS, rulePack: 'dtao-2025-02', ruleVariant: 'launch' }).dtaoTerms // 'launch'
 */
export function kernelRuleSettings(params: KernelParams): RuleSettings {
  const cached = cache.get(params);
  if (cached !== undefined) return cached;
  const settings: RuleSettings = Object.freeze({
    ...DEFAULT_RULE_SETTINGS,
    ...variantSettings(rulePackOf(params), params.ruleVariant),
  });
  cache.set(params, settings);
  return settings;
}
